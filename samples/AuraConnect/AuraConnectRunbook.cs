using RunbookSdk;

namespace AuraConnect;

/// <summary>Parameters every AuraConnect runbook shares: the API and the token of a system admin.</summary>
public abstract class AuraConnectRunbook : Runbook<AuraConnectHandbook>
{
    [Parameter("Base URL of the production API")]
    public string ApiBaseUrl { get; init; } = "https://api.auraconnect.ai";

    [Parameter("Bearer token of a system admin (the detailed health endpoints require the role)"), Secret]
    public string Token { get; init; } = "";
}
