using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EditionApprovalDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalMinute",
                table: "PlanEditions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PlanEditions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalMinute",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "PlanEditions");
        }
    }
}
