using System.Text;
using DcimAgent.Model.Metrics;

namespace DcimAgent.Model.Store;

/// <summary>The label list that identifies a series within its family: identity labels first, then components.</summary>
internal static class SeriesKey
{
    public static string Format(DeviceIdentity? device, LabelSet labels)
    {
        if (device is null)
        {
            return labels.ToString();
        }

        if (labels.Count == 0)
        {
            return device.FormattedLabels;
        }

        var sb = new StringBuilder(device.FormattedLabels.Length + (labels.Count * 24));
        sb.Append(device.FormattedLabels);
        labels.AppendTo(sb, leadingComma: true);
        return sb.ToString();
    }
}
