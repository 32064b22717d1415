namespace DcimAgent.Model.Querying;

/// <summary>
/// Why an SNMP exchange gave no usable answer. Expected failures are values, not exceptions; each maps onto a
/// <c>reason</c> of <c>dcim_poll_errors_total</c>.
/// </summary>
public enum SnmpErrorKind
{
    None,
    Timeout,
    Auth,
    Decode,
    NoSuchObject,
    Refused,
    Other,
}

/// <summary>The <c>reason</c> label text of each error kind.</summary>
public static class SnmpErrorKindText
{
    public static string Reason(this SnmpErrorKind kind) => kind switch
    {
        SnmpErrorKind.Timeout => "timeout",
        SnmpErrorKind.Auth => "auth",
        SnmpErrorKind.Decode => "decode",
        SnmpErrorKind.NoSuchObject => "no_such_object",
        SnmpErrorKind.Refused => "refused",
        _ => "other",
    };
}
