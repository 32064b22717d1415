using System.Diagnostics;
using DcimAgent.Model.Accelerators;
using DcimAgent.Model.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DcimAgent.Node;

/// <summary>
/// One collection of one collector, callable without the loop: read the boards, stamp the frame, integrate
/// energy for boards without a counter, write the accelerator families and the host's health families
/// (<c>dcim_device_up</c>, last success, poll duration, <c>dcim_poll_errors_total{reason}</c>) into the sink,
/// and publish the dcim-json document. A failure is counted and logged once per down transition; it never
/// escapes, so one broken collector does not stop the others.
/// </summary>
public sealed class NodeCycle
{
    private readonly IAcceleratorCollector _collector;
    private readonly DeviceIdentity _host;
    private readonly ISampleSink _sink;
    private readonly IDcimJsonPublisher? _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly PowerEnergyIntegrator _energy = new();
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private bool? _up;

    public NodeCycle(IAcceleratorCollector collector, DeviceIdentity host, ISampleSink sink, IDcimJsonPublisher? publisher, TimeProvider time, ILogger? log = null)
    {
        _collector = collector;
        _host = host;
        _sink = sink;
        _publisher = publisher;
        _time = time;
        _log = log ?? NullLogger.Instance;
    }

    public IAcceleratorCollector Collector => _collector;

    /// <summary>Failed collections by reason since start.</summary>
    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Documents the publisher refused since start.</summary>
    public long PublishFailures { get; private set; }

    /// <summary>Why the last collection failed (null after a good one).</summary>
    public string? LastError { get; private set; }

    /// <summary>The boards of the last good collection (null before the first).</summary>
    public AcceleratorFrame? Last { get; private set; }

    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        AcceleratorFrame frame;
        try
        {
            frame = await _collector.CollectAsync(ct);
        }
        catch (CollectorException e)
        {
            Fail(e.Reason, e.Message, started);
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var ts = frame.TimestampMs ?? now;
        frame = frame with { TimestampMs = ts };
        _energy.Apply(frame.Boards, ts);
        var samples = AcceleratorSampleMapper.Write(frame.Boards, _host, ts, _sink);
        _sink.Write(new Sample(MetricCatalog.DeviceUp, _host, LabelSet.Empty, 1, ts));
        _sink.Write(new Sample(MetricCatalog.DeviceLastSuccess, _host, LabelSet.Empty, ts / 1000.0, ts));
        var elapsed = Stopwatch.GetElapsedTime(started);
        _sink.Write(new Sample(MetricCatalog.PollDuration, _host, LabelSet.Empty, elapsed.TotalSeconds, ts));
        Last = frame;
        LastError = null;
        if (_up != true)
        {
            NodeLog.CollectorUp(_log, _collector.Name, frame.Boards.Count);
            _up = true;
        }

        NodeLog.Collected(_log, _collector.Name, frame.Boards.Count, samples, elapsed.TotalMilliseconds);
        if (_publisher is not null && !await _publisher.PublishAsync(DcimJsonDocument.From(_host.Device, ts, frame.Boards), ct))
        {
            PublishFailures++;
        }

        return true;
    }

    private void Fail(string reason, string message, long started)
    {
        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _errors[reason] = _errors.GetValueOrDefault(reason) + 1;
        LastError = message;
        _sink.Write(new Sample(MetricCatalog.DeviceUp, _host, LabelSet.Empty, 0, ts));
        _sink.Write(new Sample(MetricCatalog.PollErrors, _host, LabelSet.Of(("reason", reason)), _errors[reason], ts));
        _sink.Write(new Sample(MetricCatalog.PollDuration, _host, LabelSet.Empty, Stopwatch.GetElapsedTime(started).TotalSeconds, ts));
        if (_up != false)
        {
            NodeLog.CollectorDown(_log, _collector.Name, reason, message);
            _up = false;
        }
    }
}
