namespace DcimAgent.Snmp.Client;

/// <summary>Why a request failed; maps onto dcim_poll_errors_total{reason}.</summary>
public enum SnmpErrorKind
{
    /// <summary>No (valid) answer within timeout × (retries + 1).</summary>
    Timeout,

    /// <summary>USM failure (unknown user, wrong digest, decryption error, …) or authorizationError.</summary>
    Auth,

    /// <summary>The answer was malformed.</summary>
    Decode,

    /// <summary>The object does not exist (SNMPv1 noSuchName).</summary>
    NoSuchObject,

    /// <summary>The agent answered with an error-status (tooBig, genErr, noAccess, …).</summary>
    Refused,

    /// <summary>Anything else (walk loops, bad arguments found late, …).</summary>
    Other,
}
