namespace DcimAgent.Simulator.Physics;

/// <summary>The UPS carrying the hall's network core and management gear (not the accelerator racks).</summary>
public sealed class UpsModel
{
    public const double RatedW = 10_000;
    public const double NominalLoadW = 3200;

    public double OutputPowerW { get; private set; } = NominalLoadW;

    public double InputVoltage { get; private set; } = 230;

    public double OutputVoltage { get; private set; } = 230;

    public double BatteryChargeRatio { get; private set; } = 1.0;

    public double BatteryTemperatureC { get; private set; } = 24.5;

    public double OutputCurrentA => OutputPowerW / (OutputVoltage * 0.98);

    public double LoadRatio => OutputPowerW / RatedW;

    /// <summary>Runtime on battery at the present load: about 29 minutes at 3.2 kW for this battery.</summary>
    public double RuntimeSeconds => 1740 * NominalLoadW / Math.Max(OutputPowerW, 100);

    public void Step(double roomC, Noise noise)
    {
        OutputPowerW = NominalLoadW + noise.Gaussian(25);
        InputVoltage = 230 + noise.Gaussian(1.0);
        OutputVoltage = 230 + noise.Gaussian(0.2);

        // Batteries sit in the room; they follow it slowly.
        BatteryTemperatureC += ((roomC + 2) - BatteryTemperatureC) * 0.01;
    }
}
