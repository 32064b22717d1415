using DcimAgent.Simulator;
using DcimAgent.Simulator.Physics;

namespace DcimAgent.Tests.Simulation;

/// <summary>The hall model on its own: idle and loaded boards as the real H100 series shows them, PDUs that
/// carry the boards' load, and the scripted chiller trip heating the row until the GPUs throttle.</summary>
public class HallModelTests
{
    private static HallModel Hall(TimeSpan? incidentAfter = null, int racks = 4) =>
        new(new HallLayout(new HallOptions { Racks = racks, IncidentAfter = incidentAfter, IncidentDuration = TimeSpan.FromMinutes(15) }));

    [Fact]
    public void Advance_BeforeJobsStart_H100BoardsIdleLikeTheRealSeries()
    {
        var hall = Hall();
        hall.Advance(10);

        var board = hall.Hosts[0].Boards[0];
        Assert.Equal("NVIDIA H100 80GB HBM3", board.Spec.Model);
        Assert.InRange(board.PowerW, 68, 74);
        Assert.InRange(board.TemperatureC, 33, 37);
        Assert.Equal(345, board.CoreClockMHz);
        Assert.False(board.PowerCapped);
        Assert.Equal(503_316_480, board.MemoryUsedBytes);
    }

    [Fact]
    public void Advance_TrainingUnderNormalCooling_H100PinnedAtThePowerCap()
    {
        var hall = Hall();
        hall.Advance(240);

        foreach (var board in hall.Hosts[0].Boards)
        {
            Assert.InRange(board.PowerW, 698, 700);
            Assert.True(board.PowerCapped);
            Assert.False(board.ThermalThrottled);
            Assert.InRange(board.CoreClockMHz, 1305, 1465);
            Assert.InRange(board.TemperatureC, 60, 68);
        }

        // The last rack holds the Ascend host: 910B3 boards under load, no power limit reported.
        var npu = hall.Hosts[3];
        Assert.Equal("npu-a04", npu.Name);
        Assert.All(npu.Boards, b => Assert.InRange(b.PowerW, 290, 330));
        Assert.Null(npu.Spec.PowerLimitW);
    }

    [Fact]
    public void Advance_Loaded_PdusCarryTheHostLoadSplitAcrossFeeds()
    {
        var hall = Hall();
        hall.Advance(240);

        var host = hall.Hosts[0];
        var a = hall.Pdu("pdu-a01-a");
        var b = hall.Pdu("pdu-a01-b");
        var expected = host.PowerW + PduModel.SwitchW + (2 * PduModel.SelfW);
        Assert.InRange(a.PowerW + b.PowerW, expected * 0.97, expected * 1.03);
        Assert.InRange(a.PowerW / (a.PowerW + b.PowerW), 0.49, 0.53);
        Assert.InRange(host.PowerW, 7900, 8300); // 8 × ~700 W + 2.4 kW chassis
        Assert.Equal(a.PowerW, a.Outlets.Sum(o => o.PowerW) + PduModel.SelfW, 6);
        Assert.Equal(a.PowerW, Enumerable.Range(1, 3).Sum(a.PhasePowerW), 6);
    }

    [Fact]
    public void Advance_Loaded_SitePueIsPlausible()
    {
        var hall = Hall();
        hall.Advance(240);

        var pue = hall.Mains.PowerW / hall.ItPowerW;
        Assert.InRange(pue, 1.15, 1.45);
        Assert.True(hall.Cooling.ChillerRunning);
        Assert.InRange(hall.Cooling.SupplyAirC, 21.5, 22.5);
        Assert.InRange(hall.Cooling.WaterSupplyC, 11.9, 12.1);
    }

    [Fact]
    public void Advance_ChillerTrips_WaterAndInletRiseAndH100sThrottleThermally()
    {
        var hall = Hall(TimeSpan.FromMinutes(3));
        hall.Advance(179);
        Assert.Equal(IncidentPhase.Normal, hall.Phase);
        var powerBefore = hall.Mains.PowerW;

        hall.Advance(600);
        Assert.Equal(IncidentPhase.ChillerTripped, hall.Phase);
        Assert.False(hall.Cooling.ChillerRunning);
        Assert.Equal(0, hall.Cooling.ChillerOutputW);
        Assert.True(hall.Cooling.WaterSupplyC > 35, $"water {hall.Cooling.WaterSupplyC}");
        Assert.True(hall.InletC > 43, $"inlet {hall.InletC}");
        foreach (var board in hall.Hosts[0].Boards)
        {
            Assert.True(board.ThermalThrottled);
            Assert.False(board.PowerCapped);
            Assert.InRange(board.TemperatureC, 84, 86.5);
            Assert.True(board.PowerW < 650, $"power {board.PowerW}");
            Assert.True(board.CoreClockMHz < 1300, $"clock {board.CoreClockMHz}");
        }

        // No compressor, so the site draws less even though the fans run flat out.
        Assert.True(hall.Mains.PowerW < powerBefore);
        Assert.Equal(1.0, hall.Cooling.InRowFanRatio);
    }

    [Fact]
    public void Advance_ChillerRestarts_HallRecoversAndBoardsReturnToThePowerCap()
    {
        var hall = Hall(TimeSpan.FromMinutes(3));
        hall.Advance(180 + 900 + 900);

        Assert.Equal(IncidentPhase.Recovered, hall.Phase);
        Assert.InRange(hall.Cooling.WaterSupplyC, 11.9, 12.5);
        Assert.All(hall.Hosts[0].Boards, b => Assert.False(b.ThermalThrottled));
        Assert.Contains(hall.Hosts[0].Boards, b => b.PowerCapped);
    }

    [Fact]
    public void Advance_EnergyRegisters_NeverDecreaseAndMatchPower()
    {
        var hall = Hall();
        hall.Advance(240);
        var board = hall.Hosts[0].Boards[0];
        var e0 = board.EnergyJoules;
        var mains0 = hall.Mains.EnergyJoules;
        hall.Advance(10);

        Assert.InRange(board.EnergyJoules - e0, 6970, 7010); // 10 s at 697–700 W
        Assert.InRange(hall.Mains.EnergyJoules - mains0, hall.Mains.PowerW * 9.5, hall.Mains.PowerW * 10.5);
    }

    [Fact]
    public void Layout_FourRacks_PortsInRackOrderThenSingletons()
    {
        var layout = new HallLayout(new HallOptions { Racks = 4, SnmpBasePort = 11600 });

        Assert.Equal(["A01", "A02", "A03", "A04"], layout.Racks);
        Assert.Equal(
            ["pdu-a01-a:11600", "pdu-a01-b:11601", "pdu-a02-a:11602", "pdu-a02-b:11603", "pdu-a03-a:11604", "pdu-a03-b:11605",
             "pdu-a04-a:11606", "pdu-a04-b:11607", "ups-1:11608", "inrow-a1:11609", "chiller-1:11610", "bmc-a01:11611"],
            layout.SnmpDevices.Select(d => $"{d.Name}:{d.Port}"));
        Assert.Equal(["ups-1"], layout.SnmpDevices.Where(d => d.V3).Select(d => d.Name));
        Assert.Equal(["gpu-a01", "gpu-a02", "gpu-a03", "npu-a04"], layout.Hosts.Select(h => h.Host));
    }

    [Fact]
    public void Layout_TooManyRacks_ThrowsNamingTheLimit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HallLayout(new HallOptions { Racks = 17 }));
        Assert.Contains("racks must be 1..16, got 17", e.Message);
    }
}
