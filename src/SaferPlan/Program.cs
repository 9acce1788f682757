using SaferPlan.Cli;

return await SaferPlanCommandLine.RunAsync(args);
