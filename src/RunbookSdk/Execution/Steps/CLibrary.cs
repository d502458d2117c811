using System.Runtime.InteropServices;

namespace RunbookSdk.Execution;

/// <summary>
/// Functions of the C library, looked up by its soname (glibc) and then by the plain name (musl ships <c>libc.so</c>):
/// <c>[DllImport("libc")]</c> alone finds a linker script on glibc systems with development files, and nothing on those
/// without. Used on Linux, for what .NET does not offer or does with more system calls than the runner can afford.
/// </summary>
internal static class CLibrary
{
    private static readonly Lazy<nint> Handle = new(() =>
    {
        foreach (var name in new[] { "libc.so.6", "libc" })
            if (NativeLibrary.TryLoad(name, out var library)) return library;
        return 0;
    });

    /// <summary>The C library's <paramref name="export"/> as <typeparamref name="TFunction"/>; null when there is no C
    /// library or it has no such function.</summary>
    public static TFunction? Find<TFunction>(string export) where TFunction : Delegate =>
        Handle.Value != 0 && NativeLibrary.TryGetExport(Handle.Value, export, out var address)
            ? Marshal.GetDelegateForFunctionPointer<TFunction>(address)
            : null;
}
