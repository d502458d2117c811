using RunbookSdk;

namespace Omnix;

/// <summary>Playbook 1: API Gateway/Lambda failure.</summary>
[Runbook("omnix-api-lambda-failure")]
public sealed class ApiLambdaFailure : OmnixRunbook
{
    [Parameter("CloudFormation stack of the backend")]
    public string StackName { get; init; } = "omnix-ai-backend-prod";

    [Parameter("DynamoDB products table")]
    public string ProductsTable { get; init; } = "omnix-ai-products-dev";

    [Parameter("DynamoDB orders table")]
    public string OrdersTable { get; init; } = "omnix-ai-dev-orders";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("API Gateway/Lambda Failure")
        .Severity(Severity.P1)
        .Environment("Production (eu-central-1)")
        .Symptoms(
            "Health check endpoints returning 5XX errors",
            "CloudWatch alarms: `OMNIX-prod-Lambda-High-Error-Rate`",
            "Users unable to access manager dashboard")
        .Phase("Immediate Actions", TimeBox.Minutes(0, 5), p => p
            .Step("Assess Scope", s => s
                .Run($"curl -I {ApiBaseUrl}/health", "Check API Gateway health")
                .Run($"aws lambda get-function --function-name {FunctionName} --region {Region}", "Check Lambda function status"))
            .Step("Check Recent Deployments", s => s
                .Run($"aws lambda list-versions-by-function --function-name {FunctionName} --region {Region}", "Check Lambda function versions")
                .Run($"aws cloudformation describe-stack-events --stack-name {StackName} --region {Region}", "Check CloudFormation stack events"))
            .Step("Emergency Rollback", s => s
                .OnlyIf("a deployment went out recently")
                .Run($"cd {BackendDirectory} && ./rollback-plan.sh", "Execute rollback script")
                .RequiresConfirmation()))
        .Phase("Investigation Actions", TimeBox.Minutes(5, 15), p => p
            .Step("Check CloudWatch Logs", s => s
                .Run($"""
                    aws logs filter-log-events \
                      --log-group-name '/aws/lambda/{FunctionName}' \
                      --start-time $(date -d '15 minutes ago' +%s)000 \
                      --region {Region}
                    """, "View recent Lambda logs"))
            .Step("DynamoDB Health Check", s => s
                .Run($"aws dynamodb describe-table --table-name {ProductsTable} --region {Region}", "Check DynamoDB table status")
                .Run($"aws dynamodb describe-table --table-name {OrdersTable} --region {Region}"))
            .Step("Resource Utilization", s => s
                .Run($"""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/Lambda \
                      --metric-name ConcurrentExecutions \
                      --dimensions Name=FunctionName,Value={FunctionName} \
                      --start-time $(date -d '1 hour ago' --iso-8601) \
                      --end-time $(date --iso-8601) \
                      --period 300 \
                      --statistics Maximum \
                      --region {Region}
                    """, "Check Lambda concurrent executions")))
        .Phase("Resolution Actions", p => p
            .Step("Apply the fix", s => s
                .Instruction("Apply appropriate fix based on root cause analysis")))
        .Rollback(r => r
            .Step("Roll back to the previous deployment", s => s
                .Run($"cd {BackendDirectory} && ./rollback-plan.sh", "Execute rollback script")
                .RequiresConfirmation()))
        .Verification(v => v
            .Step("Validate fix using comprehensive health check", s => s
                .Http("GET", $"{ApiBaseUrl}/health", "API Gateway health").ExpectStatus(200)
                .Run($"cd {BackendDirectory}/scripts && ./sla-monitoring-service.sh health-check", "Run comprehensive validation"))
            .Step("Monitor for 30 minutes post-resolution", s => s
                .Monitor("error rate and latency on the CloudWatch dashboards", TimeSpan.FromMinutes(30))));
}
