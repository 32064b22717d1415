using DcimAgent.Configuration;
using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>The rules of <c>node:</c>, with key paths, for check-config and <c>dcim-agent node</c>.</summary>
public static class NodeConfigValidator
{
    public static void Validate(NodeSection? node, Action<string, string> err)
    {
        if (node is null)
        {
            return;
        }

        if (node.Interval < TimeSpan.FromMilliseconds(100))
        {
            err("node.interval", "must be at least 100ms");
        }

        if (node.Listen is not null && !HostPort.TryParse(node.Listen, 9465, out _))
        {
            err("node.listen", $"'{node.Listen}' is not HOST:PORT");
        }

        for (var i = 0; i < node.Collectors.Count; i++)
        {
            var c = node.Collectors[i];
            var at = $"node.collectors[{i}]";
            if (!NodeCollectors.Types.Contains(c.Type))
            {
                err(at + ".type", $"'{c.Type}' is not one of: {string.Join(", ", NodeCollectors.Types)}");
            }

            if (c.Type == "replay")
            {
                if (string.IsNullOrEmpty(c.Path))
                {
                    err(at + ".path", "replay needs the capture file");
                }

                if (c.Format is not null && !CaptureReader.TryParseFormat(c.Format, out _))
                {
                    err(at + ".format", $"'{c.Format}' is not one of: nvidia-smi-csv, nvidia-smi-xml, npu-smi, nvml-jsonl");
                }

                if (c.Speed <= 0)
                {
                    err(at + ".speed", "must be positive");
                }
            }

            if (c.Timeout <= TimeSpan.Zero)
            {
                err(at + ".timeout", "must be a positive duration");
            }
        }

        if (node.Publish is { } p)
        {
            if (!Uri.TryCreate(p.Url, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt")
            {
                err("node.publish.url", $"'{p.Url}' is not mqtt://HOST:PORT");
            }

            if (string.IsNullOrWhiteSpace(p.Topic) || p.Topic.Contains('+', StringComparison.Ordinal) || p.Topic.Contains('#', StringComparison.Ordinal))
            {
                err("node.publish.topic", "must be a topic without wildcards");
            }

            if (p.Qos is < 0 or > 2)
            {
                err("node.publish.qos", "must be 0, 1 or 2");
            }
        }
    }
}
