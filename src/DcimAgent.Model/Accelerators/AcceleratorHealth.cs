namespace DcimAgent.Model.Accelerators;

/// <summary>The states of <c>dcim_accelerator_health</c>.</summary>
public enum AcceleratorHealth
{
    Ok,
    Warning,
    Critical,
}
