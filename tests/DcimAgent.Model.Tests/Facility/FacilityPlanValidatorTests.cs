using DcimAgent.Model.Facility;

namespace DcimAgent.Model.Tests.Facility;

public sealed class FacilityPlanValidatorTests
{
    [Fact]
    public void Validate_GoodPlan_NoErrors() =>
        Assert.Empty(FacilityPlanValidator.Validate(FacilityHall.Plan()));

    [Fact]
    public void Validate_BadPlan_NamesEveryPath()
    {
        var plan = new FacilityPlan(
            "hall1",
            4,
            new Dictionary<string, IReadOnlyList<string>> { ["it"] = ["pdu-1"], ["cooling"] = ["pdu-1"], ["lighting"] = ["x"] },
            [
                new RackPlan("R01", null, null, null, RackSource.Inputs, ["pdu-1"]),
                new RackPlan("R02", null, null, null, RackSource.Outlets, ["pdu-1"]),
                new RackPlan("R01", null, null, null, RackSource.Servers, []),
            ],
            TimeSpan.FromSeconds(15),
            0);

        Assert.Equal(
            [
                "facility.max_gap_intervals: 0 must be at least 1",
                "facility.meters.cooling[0]: 'pdu-1' is already a 'it' meter; a meter has one role",
                "facility.meters.lighting: unknown role (facility, it, cooling, other)",
                "facility.pue_category: 4 is not a Green Grid category (1, 2 or 3)",
                "facility.racks[1].devices[0]: 'pdu-1' already feeds rack 'R01'; one load is counted once",
                "facility.racks[2].rack: 'R01' is listed twice",
            ],
            FacilityPlanValidator.Validate(plan).Order(StringComparer.Ordinal));
    }
}
