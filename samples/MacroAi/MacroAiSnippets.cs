namespace MacroAi;

/// <summary>
/// Code and templates the seed document quotes verbatim (TypeScript from the application, SQL, the mermaid
/// diagram, markdown templates). Kept as constants so the handbook and runbooks read as the procedure.
/// </summary>
internal static class MacroAiSnippets
{
    /// <summary>The monitoring sources, alert processing and notification channels.</summary>
    public const string AutomatedDetection = """
        flowchart TB
            subgraph "Monitoring Sources"
                HEALTH[Health Checks]
                METRICS[Application Metrics]
                LOGS[Error Logs]
                EXTERNAL[External Monitoring]
            end

            subgraph "Alert Processing"
                RULES[Alert Rules]
                CORRELATION[Event Correlation]
                DEDUP[Deduplication]
            end

            subgraph "Notification Channels"
                SLACK[Slack Alerts]
                EMAIL[Email Notifications]
                SMS[SMS for Critical]
                PAGER[PagerDuty]
            end

            HEALTH --> RULES
            METRICS --> RULES
            LOGS --> RULES
            EXTERNAL --> RULES

            RULES --> CORRELATION
            CORRELATION --> DEDUP

            DEDUP --> SLACK
            DEDUP --> EMAIL
            DEDUP --> SMS
            DEDUP --> PAGER
        """;

    /// <summary>Automated health check monitoring.</summary>
    public const string HealthMonitor = """
        // Automated health check monitoring
        export class HealthMonitor {
        	private readonly healthEndpoints = [
        		{ name: 'API Health', url: '/api/health', critical: true },
        		{ name: 'Database', url: '/api/health/database', critical: true },
        		{ name: 'Redis', url: '/api/health/redis', critical: false },
        		{ name: 'AI Service', url: '/api/health/ai', critical: false },
        	]

        	/**
        	 * Monitor all health endpoints and trigger alerts
        	 */
        	async monitorHealth(): Promise<void> {
        		for (const endpoint of this.healthEndpoints) {
        			const [health, error] = await tryCatch(
        				this.checkEndpoint(endpoint.url),
        				`HealthMonitor.${endpoint.name}`,
        			)

        			if (error || !health.healthy) {
        				await this.triggerAlert({
        					severity: endpoint.critical ? 'critical' : 'warning',
        					service: endpoint.name,
        					message: error?.message || health.message,
        					timestamp: new Date().toISOString(),
        				})
        			}
        		}
        	}

        	/**
        	 * Trigger incident alert
        	 */
        	private async triggerAlert(alert: IncidentAlert): Promise<void> {
        		// Send to Slack
        		await this.sendSlackAlert(alert)

        		// Send email for critical alerts
        		if (alert.severity === 'critical') {
        			await this.sendEmailAlert(alert)
        			await this.sendSMSAlert(alert)
        		}

        		// Log incident
        		logger.error({
        			msg: 'Incident detected',
        			...alert,
        		})
        	}
        }
        """;

    /// <summary>The manual incident report.</summary>
    public const string IncidentReport = """
        # Incident Report

        **Incident ID**: INC-YYYY-MM-DD-XXX
        **Reporter**: [Name and contact]
        **Date/Time**: [ISO 8601 timestamp]
        **Severity**: [1-4 based on classification]

        ## Summary

        Brief description of the incident and its impact.

        ## Symptoms Observed

        - Specific error messages or behaviors
        - Affected functionality
        - User reports or complaints

        ## Impact Assessment

        - Number of users affected
        - Business functions impacted
        - Revenue or operational impact

        ## Initial Actions Taken

        - Immediate steps taken to mitigate
        - Workarounds implemented
        - Communication sent to users

        ## Next Steps

        - Investigation plan
        - Assigned personnel
        - Expected timeline
        """;

    /// <summary>The rapid system assessment.</summary>
    public const string IncidentAssessment = """
        // Incident assessment script
        export class IncidentAssessment {
        	/**
        	 * Perform rapid system assessment
        	 */
        	async performRapidAssessment(): Promise<AssessmentResult> {
        		const checks = await Promise.allSettled([
        			this.checkAPIHealth(),
        			this.checkDatabaseConnectivity(),
        			this.checkExternalServices(),
        			this.checkRecentDeployments(),
        			this.checkErrorRates(),
        			this.checkResponseTimes(),
        		])

        		return {
        			timestamp: new Date().toISOString(),
        			systemStatus: this.aggregateStatus(checks),
        			details: checks.map((check, index) => ({
        				check: this.checkNames[index],
        				status: check.status,
        				result: check.status === 'fulfilled' ? check.value : check.reason,
        			})),
        		}
        	}

        	/**
        	 * Check recent deployments for correlation
        	 */
        	private async checkRecentDeployments(): Promise<DeploymentInfo[]> {
        		// Check last 24 hours of deployments
        		const since = new Date(Date.now() - 24 * 60 * 60 * 1000)

        		const [deployments, error] = await tryCatch(
        			this.getDeploymentHistory(since),
        			'IncidentAssessment.checkRecentDeployments',
        		)

        		if (error) {
        			return []
        		}

        		return deployments.filter((d) => d.timestamp > since)
        	}
        }
        """;

    /// <summary>Internal incident communication templates.</summary>
    public const string CommunicationTemplates = """
        // Incident communication templates
        export const CommunicationTemplates = {
        	// Initial incident notification
        	initialAlert: (incident: Incident) => ({
        		channel: '#incidents',
        		message: `🚨 **INCIDENT DETECTED** - ${incident.severity.toUpperCase()}

        **Incident ID**: ${incident.id}
        **Summary**: ${incident.summary}
        **Impact**: ${incident.impact}
        **Assigned**: ${incident.assignedTo}
        **Status**: Investigating

        Thread for updates: 👇`,
        		urgent: incident.severity === 'critical',
        	}),

        	// Status update
        	statusUpdate: (incident: Incident, update: string) => ({
        		channel: `#incident-${incident.id}`,
        		message: `📊 **STATUS UPDATE** - ${new Date().toLocaleTimeString()}

        ${update}

        **Current Status**: ${incident.status}
        **Next Update**: ${incident.nextUpdateTime}`,
        	}),

        	// Resolution notification
        	resolution: (incident: Incident) => ({
        		channel: '#incidents',
        		message: `✅ **INCIDENT RESOLVED** - ${incident.id}

        **Duration**: ${incident.duration}
        **Root Cause**: ${incident.rootCause}
        **Resolution**: ${incident.resolution}

        Post-mortem will be conducted within 24 hours.`,
        	}),
        }
        """;

    /// <summary>Customer communication for public incidents.</summary>
    public const string CustomerCommunication = """
        // Customer communication for public incidents
        export const CustomerCommunication = {
        	// Status page update
        	statusPageUpdate: (incident: Incident) => ({
        		title: incident.publicSummary,
        		status: incident.publicStatus, // 'investigating' | 'identified' | 'monitoring' | 'resolved'
        		message: incident.publicMessage,
        		affectedComponents: incident.affectedComponents,
        		updates: incident.publicUpdates,
        	}),

        	// Email notification for critical incidents
        	emailNotification: (incident: Incident) => ({
        		subject: `Service Update: ${incident.publicSummary}`,
        		body: `
        Dear Macro AI Users,

        We are currently experiencing ${incident.publicSummary.toLowerCase()}.

        Impact: ${incident.publicImpact}
        Status: ${incident.publicStatus}
        Expected Resolution: ${incident.expectedResolution}

        We will provide updates every 30 minutes until resolved.

        Thank you for your patience.

        The Macro AI Team
            `,
        	}),
        }
        """;

    /// <summary>Database troubleshooting queries.</summary>
    public const string DatabaseTroubleshooting = """
        -- Database troubleshooting queries

        -- 1. Check active connections
        SELECT count(*) as active_connections
        FROM pg_stat_activity
        WHERE state = 'active';

        -- 2. Check for long-running queries
        SELECT pid, now() - pg_stat_activity.query_start AS duration, query
        FROM pg_stat_activity
        WHERE (now() - pg_stat_activity.query_start) > interval '5 minutes';

        -- 3. Check for locks
        SELECT blocked_locks.pid AS blocked_pid,
               blocked_activity.usename AS blocked_user,
               blocking_locks.pid AS blocking_pid,
               blocking_activity.usename AS blocking_user,
               blocked_activity.query AS blocked_statement,
               blocking_activity.query AS current_statement_in_blocking_process
        FROM pg_catalog.pg_locks blocked_locks
        JOIN pg_catalog.pg_stat_activity blocked_activity ON blocked_activity.pid = blocked_locks.pid
        JOIN pg_catalog.pg_locks blocking_locks ON blocking_locks.locktype = blocked_locks.locktype
        JOIN pg_catalog.pg_stat_activity blocking_activity ON blocking_activity.pid = blocking_locks.pid
        WHERE NOT blocked_locks.granted;

        -- 4. Check table sizes and bloat
        SELECT schemaname,tablename,attname,n_distinct,correlation
        FROM pg_stats
        WHERE schemaname = 'public'
        ORDER BY n_distinct DESC;
        """;

    /// <summary>AI service troubleshooting.</summary>
    public const string AiServiceTroubleshooter = """
        // AI service troubleshooting
        export class AIServiceTroubleshooter {
        	/**
        	 * Diagnose AI service issues
        	 */
        	async diagnoseAIService(): Promise<DiagnosisResult> {
        		const checks = {
        			apiKeyValid: await this.validateAPIKey(),
        			serviceReachable: await this.testConnectivity(),
        			rateLimits: await this.checkRateLimits(),
        			modelAvailability: await this.checkModelStatus(),
        			recentErrors: await this.getRecentErrors(),
        		}

        		return {
        			status: this.determineOverallStatus(checks),
        			checks,
        			recommendations: this.generateRecommendations(checks),
        		}
        	}

        	/**
        	 * Test OpenAI API connectivity
        	 */
        	private async testConnectivity(): Promise<boolean> {
        		try {
        			const response = await fetch('https://api.openai.com/v1/models', {
        				headers: {
        					Authorization: `Bearer ${config.openaiApiKey}`,
        				},
        			})
        			return response.ok
        		} catch (error) {
        			return false
        		}
        	}
        }
        """;

    /// <summary>The post-mortem template.</summary>
    public const string PostMortem = """
        # Post-Mortem: [Incident Title]

        **Incident ID**: INC-YYYY-MM-DD-XXX
        **Date**: [Incident date]
        **Duration**: [Total duration]
        **Severity**: [1-4]
        **Incident Commander**: [Name]

        ## Executive Summary

        Brief summary of what happened, impact, and resolution.

        ## Timeline

        | Time  | Event                 | Action Taken       |
        | ----- | --------------------- | ------------------ |
        | 10:00 | Issue detected        | Alert triggered    |
        | 10:05 | Investigation started | Team assembled     |
        | 10:30 | Root cause identified | Mitigation applied |
        | 11:00 | Service restored      | Monitoring resumed |

        ## Root Cause Analysis

        ### What Happened

        Detailed technical explanation of the root cause.

        ### Why It Happened

        Contributing factors and conditions that led to the incident.

        ### How We Detected It

        Detection method and timeline.

        ## Impact Assessment

        - **Users Affected**: X users (Y% of total)
        - **Duration**: X hours Y minutes
        - **Services Impacted**: List of affected services
        - **Business Impact**: Revenue/operational impact

        ## Response Evaluation

        ### What Went Well

        - Quick detection and alerting
        - Effective team coordination
        - Successful mitigation

        ### What Could Be Improved

        - Faster root cause identification
        - Better communication to users
        - More comprehensive monitoring

        ## Action Items

        | Action                   | Owner     | Due Date   | Status |
        | ------------------------ | --------- | ---------- | ------ |
        | Improve monitoring for X | Team Lead | 2024-02-01 | Open   |
        | Update runbook for Y     | DevOps    | 2024-01-25 | Open   |
        | Add alerting for Z       | SRE       | 2024-01-30 | Open   |

        ## Lessons Learned

        Key takeaways and knowledge gained from this incident.
        """;

    /// <summary>Incident metrics tracking.</summary>
    public const string IncidentMetrics = """
        // Incident metrics tracking
        export class IncidentMetrics {
        	/**
        	 * Calculate incident response metrics
        	 */
        	calculateMetrics(incident: Incident): IncidentMetrics {
        		return {
        			// Time to detect (TTD)
        			timeToDetect: incident.detectedAt - incident.startedAt,

        			// Time to acknowledge (TTA)
        			timeToAcknowledge: incident.acknowledgedAt - incident.detectedAt,

        			// Time to mitigate (TTM)
        			timeToMitigate: incident.mitigatedAt - incident.acknowledgedAt,

        			// Time to resolve (TTR)
        			timeToResolve: incident.resolvedAt - incident.startedAt,

        			// Mean Time to Recovery (MTTR)
        			mttr: this.calculateMTTR(incident),

        			// Service Level Impact
        			sli: this.calculateSLI(incident),
        		}
        	}

        	/**
        	 * Generate incident trends report
        	 */
        	generateTrendsReport(period: 'week' | 'month' | 'quarter'): TrendsReport {
        		const incidents = this.getIncidentsForPeriod(period)

        		return {
        			totalIncidents: incidents.length,
        			severityBreakdown: this.groupBySeverity(incidents),
        			averageMTTR: this.calculateAverageMTTR(incidents),
        			topCauses: this.identifyTopCauses(incidents),
        			trends: this.analyzeTrends(incidents),
        			recommendations: this.generateRecommendations(incidents),
        		}
        	}
        }
        """;
}
