using System.Net;

namespace DcimAgent.Snmp.Transport;

/// <summary>One received datagram: its length in the caller's buffer and who sent it.</summary>
public readonly record struct SnmpDatagram(int Length, IPEndPoint Remote);
