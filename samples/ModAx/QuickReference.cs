using RunbookSdk;

namespace ModAx;

/// <summary>Quick reference commands: service status, recent errors and deployed versions at a glance.</summary>
[Runbook("modax-quick-reference")]
public sealed class QuickReference : ModAxRunbook
{
    public override void Define(IRunbookBuilder rb) => rb
        .Title("Quick Reference Commands")
        .Severity(Severity.P4)
        .Environment("Production")
        .Phase("Status at a glance", p => p
            .Step("Services, errors and versions", s => s
                .Run($"aws ecs list-services --cluster {Cluster}", "Show all ModAx services status")
                .Run($"""
                    aws logs insights query \
                      --log-group-names "{LogGroup}" "/aws/lambda/modax-api" \
                      --start-time $(date -d '1 hour ago' +%s) \
                      --end-time $(date +%s) \
                      --query-string 'fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 50'
                    """, "Recent errors across all services")
                .Run($"""
                    aws ecs describe-task-definition \
                      --task-definition {Service} \
                      --query 'taskDefinition.containerDefinitions[0].image'
                    """, "Current deployment versions")))
        .NoRollback("Read-only commands.")
        .Verification(v => v
            .Step("The cluster answers", s => s
                .Run($"aws ecs describe-services --cluster {Cluster} --services {Service} --query 'services[0].status'")));
}
