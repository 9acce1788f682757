using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorSpcBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SpcBaselineFromMonth",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpcBaselineToMonth",
                table: "Indicators",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SpcBaselineFromMonth",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SpcBaselineToMonth",
                table: "Indicators");
        }
    }
}
