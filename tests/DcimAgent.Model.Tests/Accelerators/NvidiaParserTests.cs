using DcimAgent.Model.Accelerators;

namespace DcimAgent.Model.Tests.Accelerators;

/// <summary>The H100 captures of tests/fixtures/accelerators/nvidia-h100 against their README facts.</summary>
public sealed class NvidiaParserTests
{
    private const string Uuid = "GPU-01952c05-254a-7bc6-dd11-10dbb5dff193";
    private const double MiB = 1024 * 1024;

    [Fact]
    public void CsvParse_HeaderWithUnits_ReadsEveryColumn()
    {
        var r = Assert.Single(NvidiaSmiCsvParser.Parse(AcceleratorFixtures.Read(AcceleratorFixtures.H100("query-gpu-header.csv"))));

        Assert.Equal(0, r.Index);
        Assert.Equal(Uuid, r.Uuid);
        Assert.Equal("NVIDIA H100 80GB HBM3", r.Model);
        Assert.Equal("1652524107753", r.Serial);
        Assert.Equal("00000000:00:06.0", r.PciBusId);
        Assert.Equal("580.159.04", r.Driver);
        Assert.Equal(36, r.TemperatureCelsius);
        Assert.Equal(37, r.MemoryTemperatureCelsius);
        Assert.Equal(119.26, r.PowerWatts);
        Assert.Equal(700, r.PowerLimitWatts);
        Assert.Equal(0, r.MemoryUsedBytes);
        Assert.Equal(85_520_809_984, r.MemoryTotalBytes);
        Assert.Equal(405e6, r.CoreClockHertz);
        Assert.Equal(2619e6, r.MemoryClockHertz);
        Assert.Equal(ClockEventReasons.GpuIdle, r.ClockEventReasons);
        Assert.Equal(0, r.EccCorrected);
        Assert.Equal(0, r.EccUncorrected);
        Assert.Null(r.EnergyJoules);
    }

    [Fact]
    public void CsvParse_NoHeaderNoUnits_UsesTheQueriedFields()
    {
        const string line = "0, GPU-abc, NVIDIA H100 80GB HBM3, 17, 00000000:00:06.0, 580.159.04, 36, 37, 119.26, 700.00, 5, 480, 81559, 405, 2619, 0x0000000000000004, 0, 2\n";

        var r = Assert.Single(NvidiaSmiCsvParser.Parse(line, NvidiaSmiCsvParser.QueryFields));

        Assert.Equal(480 * MiB, r.MemoryUsedBytes);
        Assert.Equal(81559 * MiB, r.MemoryTotalBytes);
        Assert.Equal(405e6, r.CoreClockHertz);
        Assert.Equal(0.05, r.UtilizationRatio);
        Assert.Equal(ClockEventReasons.SwPowerCap, r.ClockEventReasons);
        Assert.Equal(2, r.EccUncorrected);
    }

    [Fact]
    public void CsvParse_NotSupportedValues_AreAbsent()
    {
        const string text = "index, uuid, temperature.memory, power.draw [W]\n0, GPU-x, [N/A], [Not Supported]\n";

        var r = Assert.Single(NvidiaSmiCsvParser.Parse(text));

        Assert.Null(r.MemoryTemperatureCelsius);
        Assert.Null(r.PowerWatts);
    }

    [Fact]
    public void CsvParse_WrongColumnCount_NamesTheLine()
    {
        var e = Assert.Throws<AcceleratorParseException>(() => NvidiaSmiCsvParser.Parse("index, uuid\n0, GPU-x, extra\n"));

        Assert.Equal(2, e.Line);
        Assert.Contains("3 values for 2 columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlParse_Load_ShowsPowerCapAndLoadValues()
    {
        var r = Assert.Single(NvidiaSmiXmlParser.Parse(AcceleratorFixtures.Read(AcceleratorFixtures.H100("nvidia-smi-q-load.xml"))));

        Assert.Equal(Uuid, r.Uuid);
        Assert.Equal("580.159.04", r.Driver);
        Assert.Equal(57, r.TemperatureCelsius);
        Assert.Equal(49, r.MemoryTemperatureCelsius);
        Assert.Equal(695.18, r.PowerWatts);
        Assert.Equal(700, r.PowerLimitWatts);
        Assert.Equal(0.99, r.UtilizationRatio);
        Assert.Equal(1139 * MiB, r.MemoryUsedBytes);
        Assert.Equal(81559 * MiB, r.MemoryTotalBytes);
        Assert.Equal(1365e6, r.CoreClockHertz);
        Assert.Equal(ClockEventReasons.SwPowerCap, r.ClockEventReasons);
        Assert.Equal(0, r.EccUncorrected);
        // This driver prints T.Limit margins, not the absolute slowdown temperature: absent, not guessed.
        Assert.Null(r.SlowdownTemperatureCelsius);
    }

    [Fact]
    public void XmlParse_Idle_ShowsIdleReason()
    {
        var r = Assert.Single(NvidiaSmiXmlParser.Parse(AcceleratorFixtures.Read(AcceleratorFixtures.H100("nvidia-smi-q-idle.xml"))));

        Assert.Equal(ClockEventReasons.GpuIdle, r.ClockEventReasons);
        Assert.Equal(37, r.TemperatureCelsius);
        Assert.Equal(0, r.MemoryUsedBytes);
    }

    [Fact]
    public void XmlParse_BrokenXml_NamesTheLine()
    {
        var e = Assert.Throws<AcceleratorParseException>(() => NvidiaSmiXmlParser.Parse("<nvidia_smi_log>\n<gpu>\n</nvidia_smi_log>"));

        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void XmlParse_DoctypeWithExternalDtd_IsNotFetched()
    {
        const string xml = "<?xml version=\"1.0\" ?>\n<!DOCTYPE nvidia_smi_log SYSTEM \"http://127.0.0.1:1/never.dtd\">\n<nvidia_smi_log><driver_version>1</driver_version><gpu id=\"b\"><uuid>GPU-1</uuid></gpu></nvidia_smi_log>";

        var r = Assert.Single(NvidiaSmiXmlParser.Parse(xml));

        Assert.Equal("GPU-1", r.Uuid);
        Assert.Equal("b", r.PciBusId);
    }
}
