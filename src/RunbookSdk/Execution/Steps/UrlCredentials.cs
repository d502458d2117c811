using System.Net.Http.Headers;
using System.Text;

namespace RunbookSdk.Execution;

/// <summary>The user and password a URL carries (<c>https://ops:p%40ss@lb.internal/admin</c>), sent as HTTP Basic credentials.</summary>
internal static class UrlCredentials
{
    /// <summary>
    /// Moves the user and password of <paramref name="request"/>'s URL into its <c>Authorization</c> header, as curl,
    /// Go and Python's requests send them: .NET drops them without a word, and the request failed 401 with nothing
    /// saying why. An <c>Authorization</c> header the request has already wins, as in curl. The URL sent has none.
    /// </summary>
    public static void Send(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true, UserInfo.Length: > 0 } withCredentials) return;
        request.RequestUri = new UriBuilder(withCredentials) { UserName = "", Password = "" }.Uri;
        if (!request.Headers.Contains("Authorization")) request.Headers.Authorization = Basic(withCredentials);
    }

    /// <summary>
    /// <c>Basic base64(user:password)</c>, each part percent-decoded and sent in UTF-8 (RFC 7617), as curl sends it; a
    /// user without a password is sent with an empty one.
    /// </summary>
    public static AuthenticationHeaderValue Basic(Uri uri)
    {
        var info = uri.UserInfo;
        var colon = info.IndexOf(':');
        var user = Uri.UnescapeDataString(colon < 0 ? info : info[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(info[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
