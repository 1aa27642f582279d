using Orleans;

namespace ZhijiangLive.Grains.Tests.Forwarding;

/// <summary>Counts the report calls (<c>ReceiveAsync</c>) that each grain of interface <typeparamref name="TGrain"/> receives.</summary>
internal sealed class ReceiveCalls<TGrain> : IIncomingGrainCallFilter
{
    private readonly Dictionary<string, int> _receives = [];

    public void Reset()
    {
        lock (_receives)
        {
            _receives.Clear();
        }
    }

    public int ReceivesOf(string key)
    {
        lock (_receives)
        {
            return _receives.GetValueOrDefault(key);
        }
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.DeclaringType == typeof(TGrain) && context.InterfaceMethod.Name == "ReceiveAsync")
        {
            lock (_receives)
            {
                var key = context.TargetId.Key.ToString()!;
                _receives[key] = _receives.GetValueOrDefault(key) + 1;
            }
        }
        return context.Invoke();
    }
}
