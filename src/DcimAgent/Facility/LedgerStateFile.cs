using System.Globalization;
using DcimAgent.Model.Facility;

namespace DcimAgent.Facility;

/// <summary>
/// The energy ledger's file under <c>agent.state_dir</c>. Saving writes a temporary file, fsyncs it, renames it
/// over the old one and fsyncs the directory, so after a crash the file is either the old state or the new one,
/// never a torn mix. A file that cannot be trusted is moved aside as <c>.corrupt-&lt;UTC time&gt;</c> and reported.
/// </summary>
public sealed class LedgerStateFile
{
    public const string FileName = "facility-ledger.json";

    public LedgerStateFile(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        FilePath = Path.Combine(directory, FileName);
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>Reads the state. A missing file is a first start (state null, no problem).</summary>
    public LedgerLoadResult Load(DateTimeOffset now)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (FileNotFoundException)
        {
            return new LedgerLoadResult(null, null, null);
        }
        catch (DirectoryNotFoundException)
        {
            return new LedgerLoadResult(null, null, null);
        }

        try
        {
            return new LedgerLoadResult(LedgerStateCodec.Decode(bytes), null, null);
        }
        catch (LedgerStateException ex)
        {
            var aside = FilePath + ".corrupt-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            File.Move(FilePath, aside, overwrite: true);
            NativeMethods.FsyncDirectory(Directory);
            return new LedgerLoadResult(null, aside, $"{FilePath}: {ex.Message}");
        }
    }

    /// <summary>Replaces the state file atomically and durably.</summary>
    public void Save(LedgerState state)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var bytes = LedgerStateCodec.Encode(state);
        var temp = FilePath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
        NativeMethods.FsyncDirectory(Directory);
    }
}

/// <summary>What <see cref="LedgerStateFile.Load"/> found.</summary>
/// <param name="State">The trusted state; null on a first start or when the file was corrupt.</param>
/// <param name="MovedAsideTo">Where a corrupt file went.</param>
/// <param name="Problem">Why the file was not trusted (names the file and the bad value).</param>
public sealed record LedgerLoadResult(LedgerState? State, string? MovedAsideTo, string? Problem);
