using SaferPlan.TestCommon;

// How this assembly's tests run: the longest classes first, and the shared apps stopped once all have run.
[assembly: TestCollectionOrderer("SaferPlan.Web.Tests.SlowestFirst", "SaferPlan.Web.Tests")]
[assembly: TestFramework(SharedAppTestFramework.TypeName, SharedAppTestFramework.AssemblyName)]
