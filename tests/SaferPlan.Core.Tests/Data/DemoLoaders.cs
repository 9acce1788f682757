using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Demo;

namespace SaferPlan.Core.Tests.Data;

/// <summary>The demo loader with the crime services it sets the demo's area, groups and residents through, as the app's container makes it (without recorded crime).</summary>
internal static class DemoLoaders
{
    public static DemoLoader For(SaferPlanDbContext db)
    {
        var comparators = new ComparatorAreaService(db);
        return new DemoLoader(db, new DemoCrime(db, new CrimeGroupService(db), new DenominatorService(db), new CrimeAreaService(db, comparators), new AreaPopulationService(db, comparators)));
    }
}
