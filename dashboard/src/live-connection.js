// The SignalR connection to /hubs/live, with the bureau token as its access token: reconnects by itself,
// subscribes again after every reconnect (the hub answers each Subscribe with a fresh snapshot) and reports
// its state: connecting, live, reconnecting or offline. Once the client's own retries are spent, it keeps
// trying every few seconds, until stopped (when the token is refused, say). onDown hears of every failed start
// and every lost connection, so that the page can ask whether the token is still good.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { currentToken } from './token.js';

const RESTART_AFTER_MS = 5000;

export function createLiveConnection({ onState, onSnapshot, onUpdate, onConnected, onError, onDown }) {
  const connection = new HubConnectionBuilder()
    .withUrl('hubs/live', { accessTokenFactory: () => currentToken() ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  let wanted = null;
  let running = false;

  connection.on('snapshot', onSnapshot);
  connection.on('update', onUpdate);
  connection.onreconnecting(() => {
    onState('reconnecting');
    onDown();
  });
  connection.onreconnected(() => connected());
  connection.onclose(() => {
    if (running) {
      onState('offline');
      setTimeout(start, RESTART_AFTER_MS);
    }
  });

  async function connected() {
    onState('live');
    const before = wanted;
    await onConnected();
    if (wanted === before) {
      await sendSubscribe(); // unless onConnected followed another region, which subscribed already
    }
  }

  async function start() {
    if (!running || connection.state !== HubConnectionState.Disconnected) {
      return;
    }
    try {
      await connection.start();
    } catch (error) {
      if (running) {
        onState('offline');
        onError(error);
        onDown();
        setTimeout(start, RESTART_AFTER_MS);
      }
      return;
    }
    await connected();
  }

  async function sendSubscribe() {
    if (!wanted || connection.state !== HubConnectionState.Connected) {
      return; // sent on (re)connect
    }
    try {
      await connection.invoke('Subscribe', wanted.regionId, wanted.period);
    } catch (error) {
      onError(error);
    }
  }

  return {
    start() {
      running = true;
      onState('connecting');
      return start();
    },
    /** Closes the connection and stops trying again, until the next start. */
    stop() {
      running = false;
      wanted = null;
      return connection.stop();
    },
    /** Follows regionId for period from now on, instead of what was followed before. */
    subscribe(regionId, period) {
      wanted = { regionId, period };
      return sendSubscribe();
    },
    regions() {
      return connection.invoke('Regions');
    },
  };
}
