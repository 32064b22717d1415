using DcimAgent.Model.Tests.Support;

namespace DcimAgent.Model.Tests.Profiles;

/// <summary>
/// Devices whose sysObjectID no profile lists are detected by the vendor tables they answer (PowerNet-MIB
/// upsHighPrec objects here, published without the .0 instance in one case): a sibling product OID of the
/// vendor's arc, and net-snmp's generic agent OID serving the vendor MIB.
/// </summary>
public sealed class CapabilityDetectionTests
{
    private const string UpsObjects = """
        1.3.6.1.4.1.318.1.1.1.1.1.1.0|4|Smart-UPS X 3000
        1.3.6.1.4.1.318.1.1.1.2.2.1.0|66|100
        1.3.6.1.4.1.318.1.1.1.2.3.1.0|66|1000
        1.3.6.1.4.1.318.1.1.1.3.3.1.0|66|2301
        1.3.6.1.4.1.318.1.1.1.4.3.1.0|66|2300
        1.3.6.1.4.1.318.1.1.1.4.3.3.0|66|425
        """;

    [Theory]
    [InlineData("1.3.6.1.4.1.318.1.3.99")]      // a product OID of the APC arc that no profile lists
    [InlineData("1.3.6.1.4.1.8072.3.2.10")]     // net-snmp's Linux agent OID, serving PowerNet-MIB
    public async Task UnlistedSysObjectId_ServingTheVendorMib_IsDetectedByItsObjects(string sysObjectId)
    {
        var r = await HandWrittenRecording.RunAsync($"1.3.6.1.2.1.1.2.0|6|{sysObjectId}\n{UpsObjects}", "ups-x");

        Assert.Equal("apc-ups", r.Profile.Name);
        Assert.Equal(230.1, r.Value("dcim_ups_input_voltage_volts", ("phase", "L1")), 6);
        Assert.Equal(0.425, r.Value("dcim_ups_output_load_ratio"), 6);
        Assert.Equal(1.0, r.Value("dcim_ups_battery_charge_ratio"), 6);
    }
}
