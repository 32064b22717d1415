namespace DcimAgent.Model.Facility;

/// <summary>Which series measure a rack's IT load. One per rack, so the same load is never counted twice.</summary>
public enum RackSource
{
    /// <summary>The PDU totals (dcim_pdu_power_watts / dcim_pdu_energy_joules_total) of the rack's PDUs.</summary>
    Inputs,

    /// <summary>Each outlet of the rack's PDUs (dcim_pdu_outlet_power_watts / dcim_pdu_outlet_energy_joules_total).</summary>
    Outlets,

    /// <summary>Each server's BMC reading (dcim_server_power_watts).</summary>
    Servers,
}
