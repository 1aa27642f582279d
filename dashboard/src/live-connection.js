// The SignalR connection to /hubs/live: reconnects by itself, subscribes again after every reconnect
// (the hub answers each Subscribe with a fresh snapshot) and reports its state: connecting, live,
// reconnecting or offline. Once the client's own retries are spent, it keeps trying every few seconds.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

const RESTART_AFTER_MS = 5000;

export function createLiveConnection({ onState, onSnapshot, onUpdate, onConnected, onError }) {
  const connection = new HubConnectionBuilder()
    .withUrl('hubs/live')
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  let wanted = null;

  connection.on('snapshot', onSnapshot);
  connection.on('update', onUpdate);
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(() => connected());
  connection.onclose(() => {
    onState('offline');
    setTimeout(start, RESTART_AFTER_MS);
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
    try {
      await connection.start();
    } catch (error) {
      onState('offline');
      onError(error);
      setTimeout(start, RESTART_AFTER_MS);
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
      onState('connecting');
      return start();
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
