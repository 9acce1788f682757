using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CrimeCountsOneRowPerLsoaMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row per force, month and LSOA holding every crime type's count and outcome as text, in place of one
            // row per type and another per type and outcome: an import writes a fifth as many rows. Every count and
            // outcome is carried over.
            migrationBuilder.Sql("""
                CREATE TABLE "CrimeCountsByLsoa" (
                    "ForceId" integer NOT NULL,
                    "Month" integer NOT NULL,
                    "LsoaId" integer NOT NULL,
                    "Counts" text NOT NULL,
                    "Outcomes" text NULL,
                    CONSTRAINT "PK_CrimeCountsByLsoa" PRIMARY KEY ("ForceId", "Month", "LsoaId"));
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CrimeCountsByLsoa" ("ForceId", "Month", "LsoaId", "Counts", "Outcomes")
                SELECT c."ForceId", c."Month", c."LsoaId",
                    string_agg(c."CrimeTypeId"::text || ':' || c."Count"::text, ',' ORDER BY c."CrimeTypeId"),
                    (SELECT string_agg(o."CrimeTypeId"::text || '.' || o."OutcomeId"::text || ':' || o."Count"::text, ',' ORDER BY o."CrimeTypeId", o."OutcomeId")
                     FROM "CrimeOutcomeCounts" AS o
                     WHERE o."ForceId" = c."ForceId" AND o."Month" = c."Month" AND o."LsoaId" = c."LsoaId" AND o."OutcomeId" <> 0)
                FROM "CrimeCounts" AS c
                GROUP BY c."ForceId", c."Month", c."LsoaId";
                """);
            migrationBuilder.DropTable(name: "CrimeCounts");
            migrationBuilder.DropTable(name: "CrimeOutcomeCounts");
            migrationBuilder.Sql("""ALTER TABLE "CrimeCountsByLsoa" RENAME TO "CrimeCounts";""");
            migrationBuilder.Sql("""ALTER TABLE "CrimeCounts" RENAME CONSTRAINT "PK_CrimeCountsByLsoa" TO "PK_CrimeCounts";""");
            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_CrimeCounts",
                table: "CrimeCounts");

            migrationBuilder.DropIndex(
                name: "IX_CrimeCounts_LsoaId_Month",
                table: "CrimeCounts");

            migrationBuilder.DropColumn(
                name: "Counts",
                table: "CrimeCounts");

            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "CrimeCounts");

            migrationBuilder.AddColumn<short>(
                name: "CrimeTypeId",
                table: "CrimeCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "CrimeCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_CrimeCounts",
                table: "CrimeCounts",
                columns: new[] { "ForceId", "Month", "LsoaId", "CrimeTypeId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month_CrimeTypeId",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month", "CrimeTypeId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Count" });
        }
    }
}
