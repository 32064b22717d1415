namespace DcimAgent.Hosting;

/// <summary>/readyz: the config is loaded and every collector has started.</summary>
public sealed class AgentReadiness
{
    private int _ready;

    public bool IsReady => Volatile.Read(ref _ready) == 1;

    public void MarkReady() => Volatile.Write(ref _ready, 1);

    public void MarkNotReady() => Volatile.Write(ref _ready, 0);
}
