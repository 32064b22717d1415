namespace DcimAgent.Simulator.Physics;

/// <summary>Seeded measurement noise, so a run is repeatable and tests can bound values.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394", Justification = "Simulated measurement noise, not a secret.")]
public sealed class Noise(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform(double min, double max) => min + (_random.NextDouble() * (max - min));

    /// <summary>Zero-mean noise with the given standard deviation, clipped at three deviations.</summary>
    public double Gaussian(double sigma)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Clamp(z, -3, 3) * sigma;
    }
}
