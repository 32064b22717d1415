using DcimAgent.Model.Facility;
using DcimAgent.Model.Metrics;
using DcimAgent.Model.Store;

namespace DcimAgent.Model.Tests.Facility;

/// <summary>A small hall for roll-up tests: a utility meter, a chiller, two rack PDUs and a server.</summary>
internal sealed class FacilityHall
{
    public static readonly DeviceIdentity Utility = Device("utility-main", "meter", "hall1");
    public static readonly DeviceIdentity Chiller = Device("chiller-1", "chiller", "hall1");
    public static readonly DeviceIdentity PduA = Device("pdu-r01-a", "pdu", "hall1", rack: "R01");
    public static readonly DeviceIdentity PduB = Device("pdu-r02-a", "pdu", "hall1", rack: "R02");
    public static readonly DeviceIdentity Server = Device("srv-r03-01", "server", "hall1", rack: "R03");

    public SeriesStore Store { get; private set; } = new();

    public static FacilityPlan Plan(int maxGapIntervals = 4) => new(
        "hall1",
        2,
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["facility"] = ["utility-main"],
            ["it"] = ["pdu-*"],
            ["cooling"] = ["chiller-1", "crah-1"],
        },
        [
            new RackPlan("R01", "acme", "room1", "row1", RackSource.Inputs, []),
            new RackPlan("R02", "globex", "room1", "row1", RackSource.Outlets, []),
            new RackPlan("R03", "globex", "room1", "row2", RackSource.Servers, []),
        ],
        TimeSpan.FromSeconds(15),
        maxGapIntervals);

    public static DeviceIdentity Device(string name, string cls, string site, string? rack = null)
    {
        var loc = new Dictionary<string, string> { ["site"] = site };
        if (rack is not null)
        {
            loc["rack"] = rack;
        }

        return new DeviceIdentity(name, cls, loc);
    }

    /// <summary>The agent restarted: the store starts empty again.</summary>
    public void NewStore() => Store = new SeriesStore();

    public void Power(DeviceIdentity device, MetricFamily family, double watts, long ms) =>
        Assert.True(Store.Write(new Sample(family, device, LabelSet.Empty, watts, ms)));

    public void Energy(DeviceIdentity device, double joules, long ms, CounterWrap wrap = CounterWrap.None) =>
        Assert.True(Store.Write(new Sample(MetricCatalog.PduEnergy, device, LabelSet.Empty, joules, ms, wrap)));

    public void Outlet(DeviceIdentity device, string outlet, double watts, long ms) =>
        Assert.True(Store.Write(new Sample(MetricCatalog.PduOutletPower, device,
            LabelSet.Of(("outlet", outlet), ("outlet_name", "psu" + outlet)), watts, ms)));

    /// <summary>Every device reports at <paramref name="ms"/>; PDU B also reports outlet power.</summary>
    public void ReportAll(long ms, double utilityW = 13_000, double chillerW = 2_000, double pduAW = 6_000, double pduBW = 4_000, double serverW = 800)
    {
        Power(Utility, MetricCatalog.PduPower, utilityW, ms);
        Power(Chiller, MetricCatalog.CoolingPower, chillerW, ms);
        Power(PduA, MetricCatalog.PduPower, pduAW, ms);
        Power(PduB, MetricCatalog.PduPower, pduBW, ms);
        Outlet(PduB, "1", pduBW / 2, ms);
        Outlet(PduB, "2", pduBW / 2, ms);
        Power(Server, MetricCatalog.ServerPower, serverW, ms);
    }
}
