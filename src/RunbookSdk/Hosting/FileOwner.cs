using System.Globalization;
using System.Runtime.InteropServices;
using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>
/// Who owns a file or folder, by user name, and its permission bits: what the engineer needs to hear when another
/// user's journal refuses them. .NET gives the mode (<see cref="FileSystemInfo.UnixFileMode"/>) but not the owner, so
/// the owner is read with the C library's <c>statx</c> and named from <c>/etc/passwd</c>.
/// </summary>
internal static class FileOwner
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int StatxFunction(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static readonly Lazy<StatxFunction?> Statx = new(() => OperatingSystem.IsLinux() ? CLibrary.Find<StatxFunction>("statx") : null);

    // Linux's values, the same on every architecture: statx's layout was made so.
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint ModeAndOwner = 0x2 | 0x8; // STATX_MODE | STATX_UID
    private const int UidOffset = 20;
    private const int ModeOffset = 28;

    /// <summary>
    /// The owner's user name (or <c>uid N</c> when it has none), the permission bits, and the owner's user id (a name
    /// says nothing of privilege: uid 0 may have another name than <c>root</c>); null where it cannot be read.
    /// </summary>
    public static (string Owner, string Mode, uint Uid)? Of(string path)
    {
        if (Statx.Value is not { } statx) return null;
        var buffer = new byte[256];
        if (statx(CurrentDirectory, path, 0, ModeAndOwner, buffer) != 0) return null;
        var uid = BitConverter.ToUInt32(buffer, UidOffset);
        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xFFF;
        return (NameOf(uid), "0" + Convert.ToString(mode, 8), uid);
    }

    private static string NameOf(uint uid)
    {
        var id = uid.ToString(CultureInfo.InvariantCulture);
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == id) return fields[0];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Named by number below.
        }
        return $"uid {id}";
    }
}
