namespace CxDashboard.Tests.Http.Operations;

/// <summary>
/// Apps with an OpenTelemetry pipeline, one at a time: the instrumentations listen to process-wide diagnostic
/// sources, so two such apps in one test process would each see, and shape, the other's spans.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetryPipelines
{
    public const string Name = "OpenTelemetry pipelines";
}
