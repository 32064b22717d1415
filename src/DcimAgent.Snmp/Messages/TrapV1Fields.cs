namespace DcimAgent.Snmp.Messages;

/// <summary>The Trap-PDU header fields of SNMPv1 (RFC 1157 §4.1.6).</summary>
/// <param name="Enterprise">enterprise OBJECT IDENTIFIER.</param>
/// <param name="AgentAddress">agent-addr NetworkAddress (IpAddress, 4 octets).</param>
/// <param name="GenericTrap">generic-trap 0..6 (6 = enterpriseSpecific).</param>
/// <param name="SpecificTrap">specific-trap.</param>
/// <param name="TimeStamp">time-stamp TimeTicks.</param>
public sealed record TrapV1Fields(Oid Enterprise, byte[] AgentAddress, int GenericTrap, int SpecificTrap, uint TimeStamp);
