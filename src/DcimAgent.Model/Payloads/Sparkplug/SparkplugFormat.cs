using System.Globalization;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Payloads.Json;
using Org.Eclipse.Tahu.Protobuf;
using SpMetric = Org.Eclipse.Tahu.Protobuf.Payload.Types.Metric;

namespace DcimAgent.Model.Payloads.Sparkplug;

/// <summary>
/// <c>format: sparkplug-b</c>: Sparkplug B 3.0 protobuf payloads on the <c>spBv1.0</c> namespace. Metric names
/// are free text, so the subscription's mapping rules name them (<c>path: Supply Voltage</c>); unmapped metrics
/// are read (their aliases are learnt) but not stored.
/// <list type="bullet">
/// <item>NBIRTH/DBIRTH: learn the alias → name/datatype table, map the values, device up.</item>
/// <item>NDATA/DDATA: metrics by name or by a BIRTH alias; an alias no BIRTH gave rejects the message
///   (the node must rebirth). seq must follow the previous message's seq (0..255, wrapping): every missing
///   number is counted in <see cref="SeqGaps"/>.</item>
/// <item>NDEATH: the node and every device it announced → <c>dcim_device_up 0</c>; DDEATH: that device.</item>
/// <item>NCMD/DCMD/STATE: accepted, nothing stored (they are commands and host state, not telemetry).</item>
/// </list>
/// Devices are named after the edge node (<c>edge_node_id</c>) and, for device messages,
/// <c>edge_node_id/device_id</c>. State is per subscription and assumes one consumer (messages in order).
/// </summary>
public sealed class SparkplugFormat : PayloadMapper
{
    private readonly Dictionary<string, MappingRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SparkplugEdgeNode> _nodes = new(StringComparer.Ordinal);
    private long _seqGaps;

    public SparkplugFormat(PayloadMapperOptions options)
        : base(options)
    {
        foreach (var rule in options.Rules)
        {
            if (!_rules.TryAdd(rule.Path, rule))
            {
                throw new ArgumentException($"subscription '{options.Subscription}': metric '{rule.Path}' is mapped twice");
            }
        }
    }

    public override string Format => "sparkplug-b";

    public override string DefaultDeviceClass => "meter";

    /// <summary>Sequence numbers skipped by edge nodes since start (lost or reordered messages).</summary>
    public long SeqGaps => Interlocked.Read(ref _seqGaps);

    protected override bool AcceptsEmpty => true;

    protected override void MapCore(in PayloadMessage message, SampleBatch batch)
    {
        var topic = SparkplugTopic.Parse(message.Topic);
        if (topic.Type is SparkplugMessageType.State or SparkplugMessageType.NCmd or SparkplugMessageType.DCmd)
        {
            return;
        }

        var payload = Payload.Parser.ParseFrom(message.Payload.Span);
        var nodeDevice = batch.Device(topic.EdgeNode, DefaultDeviceClass);
        var device = topic.DeviceId is null ? nodeDevice : batch.Device(topic.EdgeNode + "/" + topic.DeviceId, DefaultDeviceClass);
        var type = topic.Type;
        if (type == SparkplugMessageType.NDeath)
        {
            // An NDEATH is the broker's will message: no seq, just the bdSeq of the session that ended.
            if (_nodes.Remove(topic.NodeKey, out var dead))
            {
                foreach (var d in dead.Devices)
                {
                    batch.MarkDown(batch.Device(d, DefaultDeviceClass));
                }
            }

            batch.MarkDown(nodeDevice);
            return;
        }

        if (!payload.HasSeq || payload.Seq > 255)
        {
            throw new PayloadException($"{TypeName(type)} without a seq 0..255");
        }

        if (type is SparkplugMessageType.NBirth or SparkplugMessageType.NData or SparkplugMessageType.DBirth or SparkplugMessageType.DData
            && !payload.HasTimestamp)
        {
            throw new PayloadException($"{TypeName(type)} without a payload timestamp");
        }

        var seq = (int)payload.Seq;
        if (type == SparkplugMessageType.NBirth)
        {
            // A new session: the old alias table and device list are void.
            var fresh = new SparkplugEdgeNode();
            Learn(fresh, payload, type);
            Map(payload, fresh, device, batch, type);
            fresh.LastSeq = seq;
            _nodes[topic.NodeKey] = fresh;
            batch.Touch(device);
            return;
        }

        if (!_nodes.TryGetValue(topic.NodeKey, out var node))
        {
            node = new SparkplugEdgeNode();
        }

        if (type == SparkplugMessageType.DBirth)
        {
            Learn(node, payload, type);
        }

        Map(payload, node, device, batch, type);
        CountGap(node, seq);
        node.LastSeq = seq;
        _nodes[topic.NodeKey] = node;
        if (type == SparkplugMessageType.DDeath)
        {
            node.Devices.Remove(device.Device);
            batch.MarkDown(device);
            return;
        }

        if (topic.DeviceId is not null)
        {
            node.Devices.Add(device.Device);
        }

        batch.Touch(device);
    }

    private static string TypeName(SparkplugMessageType t) => t.ToString().ToUpperInvariant();

    private static void Learn(SparkplugEdgeNode node, Payload payload, SparkplugMessageType type)
    {
        for (var i = 0; i < payload.Metrics.Count; i++)
        {
            var m = payload.Metrics[i];
            if (!m.HasName)
            {
                throw new PayloadException($"{TypeName(type)} metrics[{i}] has no name (a BIRTH must name every metric)");
            }

            if (m.HasAlias)
            {
                node.Aliases[m.Alias] = (m.Name, m.Datatype);
            }
        }
    }

    private void Map(Payload payload, SparkplugEdgeNode node, DeviceIdentity device, SampleBatch batch, SparkplugMessageType type)
    {
        for (var i = 0; i < payload.Metrics.Count; i++)
        {
            var m = payload.Metrics[i];
            var name = m.HasName ? m.Name : null;
            var dataType = m.HasDatatype ? m.Datatype : 0u;
            if (name is null)
            {
                if (!m.HasAlias)
                {
                    throw new PayloadException($"{TypeName(type)} metrics[{i}] has neither name nor alias");
                }

                if (!node.Aliases.TryGetValue(m.Alias, out var known))
                {
                    throw new PayloadException($"{TypeName(type)} metrics[{i}]: alias {m.Alias} is in no BIRTH of this edge node (rebirth needed)");
                }

                name = known.Name;
                if (dataType == 0)
                {
                    dataType = known.DataType;
                }
            }
            else if (dataType == 0 && m.HasAlias && node.Aliases.TryGetValue(m.Alias, out var byAlias))
            {
                dataType = byAlias.DataType;
            }

            if (!_rules.TryGetValue(name, out var rule) || (m.HasIsNull && m.IsNull))
            {
                continue;
            }

            var where = $"metric '{name}'";
            if (rule.Family.Type == MetricType.StateSet)
            {
                var raw = RawText(m, dataType, where);
                var state = rule.States.TryGetValue(raw, out var s) ? s : raw;
                batch.AddState(rule.Family, device, rule.Labels, state, where);
                continue;
            }

            var value = RawNumber(m, dataType, rule, where);
            batch.Add(rule.Family, device, rule.Labels, rule.ToBase(value), where);
        }
    }

    private void CountGap(SparkplugEdgeNode node, int seq)
    {
        if (node.LastSeq < 0 || seq == node.LastSeq)
        {
            return;
        }

        var missing = (seq - node.LastSeq - 1 + 256) % 256;
        if (missing > 0)
        {
            Interlocked.Add(ref _seqGaps, missing);
        }
    }

    private static double RawNumber(SpMetric m, uint dataType, MappingRule rule, string where)
    {
        switch (m.ValueCase)
        {
            case SpMetric.ValueOneofCase.IntValue:
                // Signed types travel as two's complement in the unsigned field (spec 6.4.16).
                return (DataType)dataType switch
                {
                    DataType.Int8 => (sbyte)m.IntValue,
                    DataType.Int16 => (short)m.IntValue,
                    DataType.Int32 => (int)m.IntValue,
                    _ => m.IntValue,
                };
            case SpMetric.ValueOneofCase.LongValue:
                return (DataType)dataType == DataType.Int64 ? (long)m.LongValue : m.LongValue;
            case SpMetric.ValueOneofCase.FloatValue:
                return m.FloatValue;
            case SpMetric.ValueOneofCase.DoubleValue:
                return m.DoubleValue;
            case SpMetric.ValueOneofCase.BooleanValue:
                return m.BooleanValue ? 1 : 0;
            case SpMetric.ValueOneofCase.StringValue:
                return rule.States.TryGetValue(m.StringValue, out var mapped)
                    ? double.Parse(mapped, CultureInfo.InvariantCulture)
                    : JsonScalar.ParseNumber(m.StringValue, where);
            default:
                throw new PayloadException($"{where}: a {m.ValueCase} value is not a number");
        }
    }

    private static string RawText(SpMetric m, uint dataType, string where) => m.ValueCase switch
    {
        SpMetric.ValueOneofCase.BooleanValue => m.BooleanValue ? "true" : "false",
        SpMetric.ValueOneofCase.StringValue => m.StringValue,
        SpMetric.ValueOneofCase.IntValue or SpMetric.ValueOneofCase.LongValue =>
            RawNumber(m, dataType, EmptyRule, where).ToString(CultureInfo.InvariantCulture),
        _ => throw new PayloadException($"{where}: a {m.ValueCase} value is not a state"),
    };

    private static readonly MappingRule EmptyRule = new("state", MetricCatalog.DeviceUp);
}
