using System.Globalization;
using System.Runtime.InteropServices;

namespace RunbookSdk.Execution;

/// <summary>
/// Which file a path names, whatever the path: its device and inode (<c>8:1:1835021</c>), the same through a folder
/// reached by a symbolic link and after the file is moved within its file system. A resume journals it for the journal
/// it resumed, so <c>runs</c> knows that journal's run was continued elsewhere however the path was written; by the
/// path alone, <c>/srv/ops/journals/a.jsonl</c> (a link to <c>/data/journals</c>) was not <c>/data/journals/a.jsonl</c>,
/// and a continued run was listed as still to resume. Read with the C library's <c>statx</c>, on Linux only.
/// </summary>
internal static class FileIdentity
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int StatxFunction(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static readonly Lazy<StatxFunction?> Statx = new(() => OperatingSystem.IsLinux() ? CLibrary.Find<StatxFunction>("statx") : null);

    // Linux's values, the same on every architecture: statx's layout was made so.
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint Inode = 0x100; // STATX_INO; the device is always filled in
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    /// <summary>
    /// The identity of the file <paramref name="path"/> names (links followed), as <c>major:minor:inode</c>; null where it
    /// cannot be read (no such file, another system than Linux).
    /// </summary>
    public static string? Of(string path)
    {
        if (Statx.Value is not { } statx) return null;
        var buffer = new byte[256];
        try
        {
            if (statx(CurrentDirectory, path, 0, Inode, buffer) != 0) return null;
        }
        catch (ArgumentException)
        {
            return null; // a path the C library cannot be handed (a NUL in it)
        }
        if ((BitConverter.ToUInt32(buffer, 0) & Inode) == 0) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{BitConverter.ToUInt32(buffer, DeviceMajorOffset)}:{BitConverter.ToUInt32(buffer, DeviceMinorOffset)}:{BitConverter.ToUInt64(buffer, InodeOffset)}");
    }
}
