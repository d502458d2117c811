using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Recognises a shell command that sends an HTTP request that is not idempotent — <c>curl -X POST …</c>,
/// <c>curl -d … URL</c> (a body makes it a POST), <c>wget --post-data …</c>, <c>http POST …</c> (HTTPie, xh) — so that a
/// resume treats it as it treats an HTTP step's POST it may have sent (<see cref="HttpMethods"/>).
/// </summary>
/// <remarks>
/// Reads the command's own words only: a request inside a command line another shell runs (<c>ssh HOST 'curl -X POST
/// …'</c>, <c>bash -c '…'</c>) or inside a script is not seen. Such a step is marked <c>RequiresConfirmation()</c> when it
/// changes things, which a resume honours as well.
/// </remarks>
internal static class CommandRequests
{
    private static readonly HashSet<string> CurlData = new(StringComparer.Ordinal)
    {
        "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json", "-F", "--form", "--form-string",
    };

    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal) { ";", "&", "&&", "|", "||", "\n", "(", ")" };

    /// <summary>The method of the first request the command sends that is not idempotent (<c>POST</c>), else null.</summary>
    public static string? NonIdempotentMethod(string command)
    {
        var words = Words(command);
        for (var i = 0; i < words.Count; i++)
        {
            var program = Path.GetFileName(words[i]);
            var end = i + 1;
            while (end < words.Count && !Separators.Contains(words[end])) end++;
            var args = words.GetRange(i + 1, end - i - 1);
            var method = program switch
            {
                "curl" => Curl(args),
                "wget" => Wget(args),
                "http" or "https" or "xh" or "xhs" => HttPie(args),
                _ => null,
            };
            if (method is not null && !HttpMethods.IsIdempotent(method)) return method;
        }
        return null;
    }

    private static string? Curl(List<string> args)
    {
        string? method = null;
        var body = false;
        var get = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-X" or "--request" && i + 1 < args.Count) method = args[++i];
            else if (arg.StartsWith("--request=", StringComparison.Ordinal)) method = arg["--request=".Length..];
            else if (arg.StartsWith("-X", StringComparison.Ordinal) && arg.Length > 2) method = arg[2..];
            else if (arg is "-G" or "--get") get = true;
            else if (CurlData.Contains(arg) || CurlData.Any(d => d.StartsWith("--", StringComparison.Ordinal) && arg.StartsWith(d + "=", StringComparison.Ordinal))
                     || (arg.StartsWith("-d", StringComparison.Ordinal) && arg.Length > 2 && !arg.StartsWith("--", StringComparison.Ordinal)))
                body = true;
        }
        if (method is not null) return method.ToUpperInvariant();
        return body && !get ? "POST" : null;
    }

    private static string? Wget(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--method" && i + 1 < args.Count) return args[i + 1].ToUpperInvariant();
            if (arg.StartsWith("--method=", StringComparison.Ordinal)) return arg["--method=".Length..].ToUpperInvariant();
        }
        return args.Any(a => a.StartsWith("--post-data", StringComparison.Ordinal) || a.StartsWith("--post-file", StringComparison.Ordinal)) ? "POST" : null;
    }

    // HTTPie and xh: `http [flags] [METHOD] URL [items]`; the method is the first word that is not a flag, when it is
    // all letters in upper case (a URL never is).
    private static string? HttPie(List<string> args)
    {
        var first = args.FirstOrDefault(a => !a.StartsWith('-'));
        return first is { Length: > 0 } word && word.All(char.IsAsciiLetterUpper) ? word : null;
    }

    /// <summary>
    /// The command's words with quotes removed, and its operators (<c>;</c>, <c>&amp;&amp;</c>, <c>|</c>, a line break,
    /// parentheses) as words of their own. Enough to find a program and its options; not a shell parser: a program's
    /// name anywhere counts (<c>echo curl -d x</c> too), which errs towards asking.
    /// </summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        void End()
        {
            if (inWord) words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case '\'':
                    inWord = true;
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0) close = command.Length;
                    word.Append(command, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    for (i++; i < command.Length && command[i] != '"'; i++)
                    {
                        if (command[i] == '\\' && i + 1 < command.Length) i++;
                        word.Append(command[i]);
                    }
                    break;
                case '\\' when i + 1 < command.Length:
                    inWord = true;
                    if (command[++i] != '\n') word.Append(command[i]);
                    break;
                case ' ' or '\t':
                    End();
                    break;
                case ';' or '&' or '|' or '\n' or '(' or ')':
                    End();
                    var op = c.ToString();
                    if (c is '&' or '|' && i + 1 < command.Length && command[i + 1] == c) op += command[++i];
                    words.Add(op);
                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    break;
            }
        }
        End();
        return words;
    }
}
