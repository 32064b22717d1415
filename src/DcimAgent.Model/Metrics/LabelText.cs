using System.Text;

namespace DcimAgent.Model.Metrics;

/// <summary>Label escaping of the Prometheus text format: backslash, double quote and line feed.</summary>
internal static class LabelText
{
    public static void AppendPair(StringBuilder sb, string name, string value)
    {
        sb.Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
