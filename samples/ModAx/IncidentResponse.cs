using RunbookSdk;

namespace ModAx;

/// <summary>The incident response workflow: immediate response, investigation, mitigation, resolution and recovery.</summary>
[Runbook("modax-incident-response")]
public sealed class IncidentResponse : ModAxRunbook
{
    [Parameter("Tasks to scale the service to under high CPU/memory")]
    public int DesiredCount { get; init; } = 10;

    [Parameter("API Gateway REST API id")]
    public string ApiId { get; init; } = "API_ID";

    [Parameter("Admin token of the feature flag API"), Secret]
    public string AdminToken { get; init; } = "";

    [Parameter("Feature to disable")]
    public string Feature { get; init; } = "new-calculator";

    [Parameter("Version (task definition revision) to roll back to")]
    public string PreviousVersion { get; init; } = "PREVIOUS_VERSION";

    public override void Define(IRunbookBuilder rb) => rb
        .Title("Incident Response Workflow")
        .Severity(Severity.P1)
        .Environment("Production")
        .Summary("Handle production incidents following established procedures.")
        .Phase("Immediate Response", TimeBox.Minutes(0, 5), p => p
            .Step("Acknowledge & Assess", s => s
                .Run("curl https://portal.modax.ai/health", "Check system status")
                .Run("curl https://modax.ai/health")
                .Run("""
                    aws cloudwatch get-metric-statistics \
                      --namespace ModAx/Production \
                      --metric-name ErrorRate \
                      --start-time $(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%S) \
                      --end-time $(date -u +%Y-%m-%dT%H:%M:%S) \
                      --period 300 \
                      --statistics Average
                    """, "View CloudWatch dashboard"))
            .Step("Initial Communication", s => s
                .Instruction("Post in #modax-incidents channel")
                .Instruction("Tag @modax-oncall team")
                .Instruction("Create incident ticket")
                .Notify("Incident")))
        .Phase("Investigation", TimeBox.Minutes(5, 30), p => p
            .Step("Log Analysis", s => s
                .Run($"aws logs tail {LogGroup} --follow --since 30m", "Recent application logs").Timeout(TimeSpan.FromMinutes(5))
                .Run($"""
                    aws logs filter-log-events \
                      --log-group-name {LogGroup} \
                      --filter-pattern "ERROR" \
                      --start-time $(date -d '1 hour ago' +%s)000
                    """, "Error logs")
                .Run("aws logs tail /aws/apigateway/modax-api --follow", "API Gateway logs").Timeout(TimeSpan.FromMinutes(5)))
            .Step("Metrics Review", s => s
                .Run($"""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/ECS \
                      --metric-name CPUUtilization \
                      --dimensions Name=ServiceName,Value={Service} \
                      --start-time $(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%S) \
                      --end-time $(date -u +%Y-%m-%dT%H:%M:%S) \
                      --period 300 \
                      --statistics Average,Maximum
                    """, "CPU and memory usage")
                .Run("""
                    aws cloudwatch get-metric-statistics \
                      --namespace AWS/RDS \
                      --metric-name DatabaseConnections \
                      --dimensions Name=DBInstanceIdentifier,Value=modax-db
                    """, "Database connections"))
            .Step("Recent Changes", s => s
                .Run($"""
                    aws ecs describe-services \
                      --cluster {Cluster} \
                      --services {Service} \
                      --query 'services[0].deployments'
                    """, "Check recent deployments")
                .Run("git log --oneline --since=\"2 hours ago\"", "Recent commits")
                .Run("""
                    aws cloudtrail lookup-events \
                      --start-time $(date -u -d '2 hours ago' +%Y-%m-%dT%H:%M:%S) \
                      --max-items 50
                    """, "Infrastructure changes")))
        // "Varies by issue": the seed's common mitigation actions are a catalogue to pick from by what the investigation
        // found (each runs only when its issue is the one), and "Or use auto-scaling" is another way to scale, not a
        // second step: one of the two ways runs, or neither.
        .Phase("Mitigation (Varies by issue)", p => p
            .OneOf("Common Mitigation Actions: High CPU/Memory", o => o
                .Note("For high CPU/memory: scale the ECS service by hand, or let auto-scaling do it. Choose none when CPU and memory are fine.")
                .Step("Scale ECS service", s => s
                    .Run($"""
                        aws ecs update-service \
                          --cluster {Cluster} \
                          --service {Service} \
                          --desired-count {DesiredCount}
                        """, "Scale ECS service"))
                .Step("Use auto-scaling", s => s
                    .Run($"""
                        aws application-autoscaling put-scaling-policy \
                          --service-namespace ecs \
                          --scalable-dimension ecs:service:DesiredCount \
                          --resource-id service/{Cluster}/{Service} \
                          --policy-name cpu-scaling \
                          --policy-type TargetTrackingScaling
                        """, "Or use auto-scaling")))
            .Step("API Overload", s => s
                .OnlyIf("the issue is API overload")
                .Run($"""
                    aws apigateway update-stage \
                      --rest-api-id {ApiId} \
                      --stage-name production \
                      --patch-operations \
                        op=replace,path=/throttle/rateLimit,value=1000
                    """, "Enable rate limiting")
                .Run($"""
                    aws apigateway update-stage \
                      --rest-api-id {ApiId} \
                      --stage-name production \
                      --patch-operations \
                        op=replace,path=/cacheClusterEnabled,value=true
                    """, "Enable caching")
                .RequiresConfirmation())
            .Step("Database Issues", s => s
                .OnlyIf("the issue is the database")
                .Run("""
                    aws rds describe-db-instances \
                      --db-instance-identifier modax-db \
                      --query 'DBInstances[0].DBInstanceStatus'
                    """, "Check active connections")
                .Instruction("Kill long-running queries (if needed). Connect to DB and run: SHOW PROCESSLIST; KILL [process_id];"))
            .Step("Feature Flag Rollback", s => s
                .OnlyIf("the issue is a problematic feature behind a flag")
                .Run($$"""
                    curl -X POST https://api.modax.ai/admin/features \
                      -H "Authorization: Bearer {{AdminToken}}" \
                      -d '{"feature": "{{Feature}}", "enabled": false}'
                    """, "Disable problematic feature")
                .RequiresConfirmation()))
        .Rollback(r => r
            // The seed's "Or manually via ECS" is the other way to the same rollback: one of the two runs.
            .OneOf("Full Rollback", o => o
                .Step("With the deploy script", s => s
                    .Run($"npm run deploy:rollback production {PreviousVersion}", "Rollback to previous version")
                    .RequiresConfirmation())
                .Step("Manually via ECS", s => s
                    .Run($"""
                        aws ecs update-service \
                          --cluster {Cluster} \
                          --service {Service} \
                          --task-definition {Service}:{PreviousVersion}
                        """, "Or manually via ECS")
                    .RequiresConfirmation())))
        .Verification(v => v
            .Step("Resolution & Recovery: Verify Fix", s => s
                .Run("./scripts/health-check.sh production", "Run health checks")
                .Run("""
                    watch -n 5 'aws cloudwatch get-metric-statistics \
                      --namespace ModAx/Production \
                      --metric-name ErrorRate \
                      --start-time $(date -u -d "10 minutes ago" +%Y-%m-%dT%H:%M:%S) \
                      --end-time $(date -u +%Y-%m-%dT%H:%M:%S) \
                      --period 60 \
                      --statistics Average'
                    """, "Monitor error rates").Timeout(TimeSpan.FromMinutes(10))
                .Instruction("Check user reports: Monitor #modax-support channel"))
            .Step("Update Status", s => s
                .Notify("Resolved")));
}
