using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>
/// Replays a captured output (NVML JSON lines series, nvidia-smi CSV/XML, npu-smi text) as if a board were
/// there: a series frame by frame with the capture's own spacing (divided by <c>speed</c>), a single capture
/// at every interval. Frames are stamped with the time they are replayed, so the central agent sees live data;
/// the board's own counters (NVML energy) keep their captured values. At the end of a series it repeats the
/// last frame, or starts again when <c>loop</c> is set (the demo).
/// </summary>
public sealed class ReplayCollector : IAcceleratorCollector
{
    private readonly string _path;
    private readonly CaptureFormat _format;
    private readonly double _speed;
    private readonly bool _loop;
    private IReadOnlyList<AcceleratorFrame>? _frames;
    private int _next;

    public ReplayCollector(string path, CaptureFormat format, double speed = 1, bool loop = false)
    {
        _path = path;
        _format = format;
        _speed = speed > 0 ? speed : 1;
        _loop = loop;
    }

    public string Name => "replay:" + Path.GetFileName(_path);

    public TimeSpan? NextDelay { get; private set; }

    /// <summary>Frames in the capture (after the first collection).</summary>
    public int FrameCount => _frames?.Count ?? 0;

    /// <summary>True once a non-looping series has delivered its last frame.</summary>
    public bool Finished { get; private set; }

    public Task<AcceleratorFrame> CollectAsync(CancellationToken ct)
    {
        var frames = _frames ??= Load();
        var index = Math.Min(_next, frames.Count - 1);
        var frame = frames[index];
        if (index + 1 < frames.Count)
        {
            _next = index + 1;
            NextDelay = Spacing(frame, frames[index + 1]);
        }
        else if (_loop)
        {
            _next = 0;
            NextDelay = null;
        }
        else
        {
            Finished = true;
            NextDelay = null;
        }

        return Task.FromResult(new AcceleratorFrame(null, frame.Boards.Select(b => b.Clone()).ToList()));
    }

    private TimeSpan? Spacing(AcceleratorFrame a, AcceleratorFrame b) =>
        a.TimestampMs is { } ta && b.TimestampMs is { } tb && tb >= ta
            ? TimeSpan.FromMilliseconds((tb - ta) / _speed)
            : null;

    private IReadOnlyList<AcceleratorFrame> Load()
    {
        string text;
        try
        {
            text = File.ReadAllText(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CollectorException("other", $"cannot read replay capture '{_path}': {e.Message}", e);
        }

        try
        {
            return CaptureReader.Read(text, _format);
        }
        catch (AcceleratorParseException e)
        {
            throw new CollectorException("decode", $"{_path}: {e.Message}", e);
        }
    }
}
