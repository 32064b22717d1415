using System.Runtime.InteropServices;

namespace DcimAgent.Facility;

/// <summary>
/// libc calls .NET does not offer: fsync of a directory, so that a rename is itself durable (POSIX makes a
/// rename durable only once the directory holding it is synced).
/// </summary>
internal static class NativeMethods
{
    private const int ReadOnly = 0;

    // DllImport rather than LibraryImport: the generated marshallers need AllowUnsafeBlocks for three trivial calls.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);

    /// <summary>Syncs a directory's entries to disk; throws IOException with errno on failure. No-op off Linux/macOS.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"open({directory}) for fsync failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
