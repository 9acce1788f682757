using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeepOutcomesWithCrimeCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcomes",
                table: "CrimeCounts",
                type: "text",
                unicode: false,
                nullable: true);

            // The outcome counts move into the count rows as "outcome:count" tallies, so an import writes one row per
            // LSOA × crime type rather than one per outcome as well.
            migrationBuilder.Sql("""
                UPDATE "CrimeCounts" AS c
                SET "Outcomes" = o."Tally"
                FROM (
                    SELECT "ForceId", "Month", "LsoaId", "CrimeTypeId",
                        string_agg("OutcomeId"::text || ':' || "Count"::text, ',' ORDER BY "OutcomeId") AS "Tally"
                    FROM "CrimeOutcomeCounts"
                    WHERE "OutcomeId" <> 0
                    GROUP BY "ForceId", "Month", "LsoaId", "CrimeTypeId") AS o
                WHERE c."ForceId" = o."ForceId" AND c."Month" = o."Month" AND c."LsoaId" = o."LsoaId" AND c."CrimeTypeId" = o."CrimeTypeId";
                """);

            migrationBuilder.DropTable(
                name: "CrimeOutcomeCounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "CrimeCounts");

            migrationBuilder.CreateTable(
                name: "CrimeOutcomeCounts",
                columns: table => new
                {
                    ForceId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    LsoaId = table.Column<int>(type: "integer", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "smallint", nullable: false),
                    OutcomeId = table.Column<short>(type: "smallint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeOutcomeCounts", x => new { x.ForceId, x.Month, x.LsoaId, x.CrimeTypeId, x.OutcomeId });
                });
        }
    }
}
