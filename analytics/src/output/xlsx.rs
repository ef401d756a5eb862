//! XLSX: one sheet per table with German headers, numbers as numbers (so Excel can sum them),
//! frozen header row.

use rust_xlsxwriter::{Format, Workbook};

use crate::AnalyticsError;
use crate::tables::{Cell, Table};

pub fn render(tables: &[Table]) -> Result<Vec<u8>, AnalyticsError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let decimal = Format::new().set_num_format("#,##0.0");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.sheet)?;
        for (column, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, header, &bold)?;
            let width = if column == 0 { 40.0 } else { 16.0 };
            sheet.set_column_width(column as u16, width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (index, row) in table.rows.iter().enumerate() {
            let line = index as u32 + 1;
            for (column, cell) in row.iter().enumerate() {
                let column = column as u16;
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(line, column, text)?;
                    }
                    Cell::Integer(value) => {
                        sheet.write_number(line, column, *value as f64)?;
                    }
                    Cell::Decimal(value, _) => {
                        sheet.write_number_with_format(line, column, *value, &decimal)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}
