using System.Globalization;
using System.Text;

namespace DcimAgent.Snmp.Text;

/// <summary>
/// Prints varbinds exactly as net-snmp's tools do with <c>-On -Oe</c> and no MIBs loaded
/// (snmplib/mib.c sprint_realloc_by_type and friends): numeric OIDs with a leading dot, numeric enums.
/// </summary>
public static class NetSnmpFormatter
{
    /// <summary>One output line (possibly with embedded newlines, as net-snmp prints long hex and multi-line strings).</summary>
    public static string FormatLine(in VarBind varBind)
    {
        var sb = new StringBuilder(64);
        AppendOid(sb, varBind.Oid);
        sb.Append(" = ");
        AppendValue(sb, varBind.Value);
        return sb.ToString();
    }

    /// <summary>The value part alone, e.g. <c>STRING: "x"</c>.</summary>
    public static string FormatValue(in SnmpValue value)
    {
        var sb = new StringBuilder(32);
        AppendValue(sb, value);
        return sb.ToString();
    }

    public static void AppendOid(StringBuilder sb, Oid oid)
    {
        foreach (var arc in oid.Arcs)
        {
            sb.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void AppendValue(StringBuilder sb, in SnmpValue value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (value.Type)
        {
            case SnmpType.Integer32:
                sb.Append("INTEGER: ").Append(value.AsInt64().ToString(inv));
                break;
            case SnmpType.OctetString:
                AppendOctetString(sb, value.AsBytes());
                break;
            case SnmpType.Null:
                sb.Append("NULL");
                break;
            case SnmpType.ObjectIdentifier:
                sb.Append("OID: ");
                AppendOid(sb, value.AsOid());
                break;
            case SnmpType.IpAddress:
                {
                    var b = value.AsBytes();
                    sb.Append("IpAddress: ");
                    if (b.Length == 4)
                    {
                        sb.Append(inv, $"{b[0]}.{b[1]}.{b[2]}.{b[3]}");
                    }
                    else
                    {
                        AppendHex(sb, b);
                    }

                    break;
                }

            case SnmpType.Counter32:
                sb.Append("Counter32: ").Append(value.AsUInt64().ToString(inv));
                break;
            case SnmpType.Gauge32:
                sb.Append("Gauge32: ").Append(value.AsUInt64().ToString(inv));
                break;
            case SnmpType.TimeTicks:
                sb.Append("Timeticks: ");
                AppendTimeTicks(sb, (uint)value.AsUInt64());
                break;
            case SnmpType.Counter64:
                sb.Append("Counter64: ").Append(value.AsUInt64().ToString(inv));
                break;
            case SnmpType.Opaque:
                sb.Append("OPAQUE: ");
                AppendHex(sb, value.AsBytes());
                break;
            case SnmpType.OpaqueFloat:
                sb.Append("Opaque: Float: ").Append(value.AsDouble().ToString("F6", inv));
                break;
            case SnmpType.OpaqueDouble:
                // net-snmp (mib.c sprint_realloc_double) labels doubles "Float" too.
                sb.Append("Opaque: Float: ").Append(value.AsDouble().ToString("F6", inv));
                break;
            case SnmpType.NoSuchObject:
                sb.Append("No Such Object available on this agent at this OID");
                break;
            case SnmpType.NoSuchInstance:
                sb.Append("No Such Instance currently exists at this OID");
                break;
            case SnmpType.EndOfMibView:
                sb.Append("No more variables left in this MIB View (It is past the end of the MIB tree)");
                break;
            default:
                sb.Append("Wrong Type");
                break;
        }
    }

    /// <summary>"(ticks) [D day[s], ]H:MM:SS.hh" (mib.c uptime_string).</summary>
    public static void AppendTimeTicks(StringBuilder sb, uint ticks)
    {
        var inv = CultureInfo.InvariantCulture;
        var centis = ticks % 100;
        var seconds = ticks / 100;
        var days = seconds / 86400;
        var hours = seconds / 3600 % 24;
        var minutes = seconds / 60 % 60;
        var secs = seconds % 60;
        sb.Append('(').Append(ticks.ToString(inv)).Append(") ");
        if (days == 1)
        {
            sb.Append("1 day, ");
        }
        else if (days > 1)
        {
            sb.Append(days.ToString(inv)).Append(" days, ");
        }

        sb.Append(inv, $"{hours}:{minutes:00}:{secs:00}.{centis:00}");
    }

    /// <summary>
    /// net-snmp guesses: all octets printable or whitespace (C locale isprint/isspace) → quoted STRING with \ and "
    /// escaped; otherwise Hex-STRING. The empty string prints as <c>""</c> alone.
    /// </summary>
    public static void AppendOctetString(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            sb.Append("\"\"");
            return;
        }

        foreach (var b in bytes)
        {
            if (!IsPrint(b) && !IsSpace(b))
            {
                sb.Append("Hex-STRING: ");
                AppendHex(sb, bytes);
                return;
            }
        }

        sb.Append("STRING: \"");
        foreach (var b in bytes)
        {
            if (b is (byte)'\\' or (byte)'"')
            {
                sb.Append('\\');
            }

            sb.Append((char)b);
        }

        sb.Append('"');
    }

    /// <summary>"XX " per octet, a newline after every 16 (mib.c sprint_realloc_hexstring).</summary>
    public static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && i % 16 == 0)
            {
                sb.Append('\n');
            }

            sb.Append(HexDigit(bytes[i] >> 4)).Append(HexDigit(bytes[i] & 0xf)).Append(' ');
        }
    }

    private static char HexDigit(int v) => (char)(v < 10 ? '0' + v : 'A' + v - 10);

    private static bool IsPrint(byte b) => b is >= 0x20 and <= 0x7e;

    private static bool IsSpace(byte b) => b is (>= 0x09 and <= 0x0d) or 0x20;
}
