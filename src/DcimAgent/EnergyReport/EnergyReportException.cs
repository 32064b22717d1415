namespace DcimAgent.EnergyReport;

/// <summary>The report could not be made: the server refused a query or answered something else than Prometheus JSON.</summary>
public sealed class EnergyReportException : Exception
{
    public EnergyReportException()
    {
    }

    public EnergyReportException(string message)
        : base(message)
    {
    }

    public EnergyReportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
