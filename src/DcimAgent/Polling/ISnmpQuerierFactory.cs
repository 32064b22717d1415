using DcimAgent.Configuration;
using DcimAgent.Model.Querying;

namespace DcimAgent.Polling;

/// <summary>
/// Makes the <see cref="ISnmpQuerier"/> for one target with its credentials bound. The SNMP engine registers
/// the UDP implementation; tests register one over recordings.
/// </summary>
public interface ISnmpQuerierFactory
{
    ISnmpQuerier Create(SnmpTargetConfig target, SnmpCredential? credential, SnmpDefaults defaults);
}
