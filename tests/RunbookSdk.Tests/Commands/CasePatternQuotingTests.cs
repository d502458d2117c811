namespace RunbookSdk.Tests.Commands;

/// <summary>
/// The <c>)</c> that ends a <c>case</c> pattern closes no subshell and no <c>$( )</c>: a value in the clause after it
/// is still inside the substitution, and quoted for it, not for the double quotes around the substitution. Through the
/// real bash, with an ssh stand-in on PATH; each value must reach printf as one argument.
/// </summary>
public sealed class CasePatternQuotingTests : StandInShellTests
{
    public CasePatternQuotingTests()
    {
        StandIn("ssh", """
            #!/bin/sh
            # Stands in for ssh: skips the host, then runs the rest as the remote side does.
            shift
            exec bash -c "$*"
            """);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_in_a_case_clause_inside_a_substitution_is_quoted_for_the_substitution(string value)
    {
        value = Hostile(value);
        Assert.Equal(value, Run(Command($"printf %s \"$(case a in a) printf %s {value};; esac)\"")));
        Assert.Equal(value, Run(Command($"printf %s \"$(case a in (a) printf %s '';; esac; printf %s {value})\"")));
        Assert.Equal(value, Run(Command($"printf %s \"$(case a in b|a) case b in b) printf %s {value};; esac;; esac)\"")));
        Assert.Equal(value, Run(Command($"printf %s \"$(case a in\n  a)\n    printf %s {value}\n    ;;\nesac)\"")));
        Assert.Equal(value, Run(Command($"ssh db-1 'printf %s \"$(case a in a) printf %s {value};; esac)\"'")));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_after_a_case_command_is_quoted_where_it_stands(string value)
    {
        value = Hostile(value);
        Assert.Equal("a" + value, Run(Command($"case a in a) printf %s a;; esac; printf %s \"{value}\"")));
        Assert.Equal("a-" + value, Run(Command($"printf %s \"$(case a in a) printf %s a;; esac)-{value}\"")));
    }
}
