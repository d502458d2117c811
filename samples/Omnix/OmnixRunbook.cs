using RunbookSdk;

namespace Omnix;

/// <summary>
/// Parameters every OMNIX runbook shares. The seed hard-coded these (and a developer's home directory);
/// as parameters they show in each page's parameters table and can be overridden per run.
/// </summary>
public abstract class OmnixRunbook : Runbook<OmnixHandbook>
{
    [Parameter("AWS region of the production stack")]
    public string Region { get; init; } = "eu-central-1";

    [Parameter("Backend Lambda function")]
    public string FunctionName { get; init; } = "omnix-ai-backend-dev";

    [Parameter("Base URL of the production API")]
    public string ApiBaseUrl { get; init; } = "https://4j4yb4b844.execute-api.eu-central-1.amazonaws.com/prod/v1";

    [Parameter("Checkout of the backend repository (apps/backend); the seed used a developer's home directory")]
    public string BackendDirectory { get; init; } = "./apps/backend";
}
