/**
 * The words planners use for an indicator's direction and kind, as data.
 * Matched on lower-case NFC text with diacritics (folding would confuse
 * "tăng" with "tầng"), padded by `words` with a space at both ends and between
 * words, so " word " keeps a word from matching inside another without a
 * look-behind at every position (which made the importer 20 % slower).
 */
const w = (source: string): RegExp => new RegExp(` (?:${source})(?= )`, "u");

/** Lower case, NFC, brackets and punctuation between words turned into single spaces, a space at both ends. */
export function words(text: string | null | undefined): string {
  return ` ${(text ?? "").normalize("NFC").toLowerCase().replace(/[\s()[\]{},;:"“”'‘’!?]+/gu, " ").trim()} `;
}

/** Rank indicators: lower is better and there is no straight line. */
export const RANK_WORDS: readonly RegExp[] = [w("xếp hạng|xếp thứ|thứ hạng|trong (?:nhóm|tốp|top) \\d+")];

/** A reduction measured as the amount reduced ("giảm 1 điểm %"): more is better, whatever is reduced. */
export const REDUCTION_WORDS: readonly RegExp[] = [/điểm ?%|điểm phần trăm/u, w("giảm")];
/** A target relative to a base year ("giảm 10 % so với năm 2025") states a level, not an amount reduced. */
export const RELATIVE_WORDS: readonly RegExp[] = [w("so với|lần")];

/** Things of which less is better, in a name or unit. */
export const LOWER_WORDS: readonly RegExp[] = [
  w("hộ nghèo|hộ cận nghèo|tái nghèo|thất nghiệp|thiếu việc làm|tai nạn|nợ xấu|nợ đọng|chi phí|thời gian|số ngày|số giờ|tử vong|suy dinh dưỡng|ô nhiễm|lạm phát|tội phạm|vi phạm|trễ hạn|quá hạn|tồn đọng|bỏ học|ùn tắc|cháy rừng|mất rừng|tỷ lệ sinh con thứ 3|thất thoát"),
];
/** A unit of time ("ngày", "giờ", "ngày/hồ sơ"): less is better. */
export const LOWER_UNIT = /^ (?:ngày|giờ|tháng)(?:\/\S*)? $/u;

/** An average over the plan's years. */
export const AVERAGE_WORDS: readonly RegExp[] = [w("bình quân|trung bình hằng năm|trung bình hàng năm"), /% ?\/ ?năm/u];
/** "bình quân đầu người" is a level (GRDP per head), not an average over years. */
export const PER_CAPITA_WORDS: readonly RegExp[] = [w("bình quân đầu người|bình quân/người|bình quân một người|bình quân 1 người|đầu người")];

/** A total over the plan's years. */
export const TOTAL_WORDS: readonly RegExp[] = [w("cả giai đoạn|toàn giai đoạn|tổng giai đoạn|lũy kế giai đoạn|trong \\d+ năm|trong (?:năm|ba|bốn|mười) năm")];

/** A growth rate compared as a rate. */
export const GROWTH_WORDS: readonly RegExp[] = [w("tốc độ tăng|tốc độ phát triển|tăng trưởng|so với cùng kỳ|chỉ số sản xuất|chỉ số giá")];

/** A level at a point in time. */
export const LEVEL_WORDS: readonly RegExp[] = [
  w("tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|mật độ|che phủ|bao phủ|lũy kế|đạt chuẩn|trên \\d+(?:[.,]\\d+)* dân|vạn dân|chỉ số|điểm|số giường|số bác sĩ"),
];

/** A flow that accumulates from 1 January. */
export const FLOW_WORDS: readonly RegExp[] = [
  w("thu ngân sách|chi ngân sách|tổng thu|tổng chi|thu nội địa|kim ngạch|xuất khẩu|nhập khẩu|vốn đầu tư|tổng mức bán lẻ|doanh thu|thành lập mới|lượt khách|khách du lịch|giải quyết việc làm|tạo việc làm|thu hút|sản lượng|trồng mới|giá trị sản xuất|huy động vốn|giải ngân"),
];
