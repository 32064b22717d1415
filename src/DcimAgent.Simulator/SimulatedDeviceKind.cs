namespace DcimAgent.Simulator;

/// <summary>The device models the hall simulates over SNMP.</summary>
public enum SimulatedDeviceKind
{
    /// <summary>APC Rack PDU 2G (PowerNet-MIB rPDU2).</summary>
    ApcRackPdu,

    /// <summary>APC Smart-UPS SRT (PowerNet-MIB upsHighPrec/upsAdv), served over SNMPv3.</summary>
    ApcSmartUps,

    /// <summary>APC InRow RC chilled-water cooler (PowerNet-MIB airIRRC).</summary>
    ApcInRowRc,

    /// <summary>A chiller on the PowerNet coolingUnit tables (Uniflair/Schneider).</summary>
    ApcChiller,

    /// <summary>Dell iDRAC 9 of the first accelerator host (IDRAC-MIB-SMIv2).</summary>
    DellIdrac,
}
