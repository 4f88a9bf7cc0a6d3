"""成果转化工作台 · Transfer Desk."""
