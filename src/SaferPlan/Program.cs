using SaferPlan.Cli;

return await SaferPlanCommandLine.RunAsync(args);

/// <summary>The entry point, named so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
